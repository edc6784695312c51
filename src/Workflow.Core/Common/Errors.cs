namespace Workflow.Core.Common;

/// <summary>
/// An expected failure of a use case. The host maps each kind to one HTTP status
/// and an RFC 7807 problem, in one place.
/// </summary>
public abstract class WorkflowException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}

/// <summary>404. The detail never says whether a hidden resource exists.</summary>
public sealed class NotFoundException(string what)
    : WorkflowException("Not found", $"No {what} was found.");

/// <summary>403: the caller is known but has no right to do this.</summary>
public sealed class ForbiddenException(string detail)
    : WorkflowException("Forbidden", detail);

/// <summary>409: the request is valid but the resource's state does not allow it now.</summary>
public sealed class ConflictException(string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : WorkflowException("Conflict", detail)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

/// <summary>400 for a rule that only the domain can check (the validators check the shape of requests).</summary>
public sealed class DomainRuleException(string field, string detail)
    : WorkflowException("Invalid request", detail)
{
    public string Field { get; } = field;
}

/// <summary>429: a limit that protects a public form was reached; the detail says which, and when to come back.</summary>
public sealed class TooManyRequestsException(string detail, TimeSpan? retryAfter = null) : WorkflowException("Too many requests", detail)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>What only the database provider can tell about a failed save.</summary>
public interface IDatabaseErrors
{
    /// <summary>
    /// Whether the save lost a race with another request: it broke a unique constraint (the other took the same number
    /// or key first), or the database refused it for the moment because of the other's write. Running again decides.
    /// </summary>
    bool IsLostRace(Microsoft.EntityFrameworkCore.DbUpdateException exception);

    /// <summary>
    /// Whether the database could not be reached or refused to work for now (down, restarting, out of connections):
    /// nothing the client did wrong, answered 503 with a time to come back.
    /// </summary>
    bool IsUnavailable(Exception exception);
}

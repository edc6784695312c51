using Microsoft.Extensions.Primitives;

namespace Workflow.Api.Hosting;

/// <summary>
/// An endpoint data source that builds its endpoints once and hands the same list to every reader until its source says they
/// changed. The minimal API's data sources build every endpoint anew each time they are read (a request delegate compiled from
/// expression trees for each), and they are read twice at start: by the authorization middleware's policy cache when the
/// pipeline is built, and by the routing middleware on the first request — which then waited for a second build (about a
/// tenth of a restart, see tests/Workflow.Benchmarks/PROFILING.md).
/// </summary>
public sealed class EndpointsBuiltOnce : EndpointDataSource
{
    private readonly EndpointDataSource _source;
    private readonly Lock _building = new();
    private IReadOnlyList<Endpoint>? _endpoints;

    private EndpointsBuiltOnce(EndpointDataSource source)
    {
        _source = source;
        ChangeToken.OnChange(source.GetChangeToken, () => { lock (_building) _endpoints = null; });
    }

    public override IReadOnlyList<Endpoint> Endpoints
    {
        get
        {
            if (Volatile.Read(ref _endpoints) is { } built) return built;
            lock (_building) return _endpoints ??= _source.Endpoints;
        }
    }

    public override IChangeToken GetChangeToken() => _source.GetChangeToken();

    public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) => _source.GetGroupedEndpoints(context);

    /// <summary>Wraps each of the application's data sources; call once every endpoint is mapped.</summary>
    public static void Wrap(IEndpointRouteBuilder routes)
    {
        var sources = routes.DataSources.ToList();
        routes.DataSources.Clear();
        foreach (var source in sources) routes.DataSources.Add(source as EndpointsBuiltOnce ?? new EndpointsBuiltOnce(source));
    }

    /// <summary>
    /// Builds every data source's endpoints now (on the calling thread), so that neither the pipeline nor the first request waits
    /// for them. Two threads may share the work, one from each end: a source another thread is building is waited for, not built again.
    /// </summary>
    public static void Build(IEndpointRouteBuilder routes, bool fromTheLast = false)
    {
        var sources = routes.DataSources.ToList();
        if (fromTheLast) sources.Reverse();
        foreach (var source in sources) _ = source.Endpoints;
    }
}

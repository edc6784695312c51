using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

public sealed record GetVersion(string UserId, Guid StatementId, int Number) : IRequest<VersionDetails>;

public sealed class GetVersionHandler(WorkflowDb db) : IRequestHandler<GetVersion, VersionDetails>
{
    public async Task<VersionDetails> Handle(GetVersion request, CancellationToken ct)
    {
        await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var version = await db.StatementVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.StatementId == request.StatementId && v.Number == request.Number, ct)
            ?? throw new NotFoundException("version");
        return VersionDetails.From(version);
    }
}

using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin.Catalogues.ListCatalogues;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Catalogues;

namespace Workflow.Api.Features.Admin.Catalogues.LoadCatalogue;

/// <summary>
/// A national administrator loads a programme period's catalogue (the body is the <c>*.catalogue.json</c> file):
/// checked exactly as a file in the folder is at start-up (400 at the file's JSON path: a changed version without a
/// bump, a lower version, years overlapping another period), recorded, journaled, and used at once by plans of its years.
/// </summary>
public sealed record LoadCatalogueCommand(string Content) : IRequest<CatalogueView>;

public sealed class LoadCatalogueHandler(CatalogueRegistration registration, ICurrentUser caller, AdminJournal journal)
    : IRequestHandler<LoadCatalogueCommand, CatalogueView>
{
    public async Task<CatalogueView> Handle(LoadCatalogueCommand request, CancellationToken cancellationToken)
    {
        if (caller.UnitCode != AdminUnit.NationalCode)
            throw new ForbiddenException("Chỉ quản trị viên quốc gia nạp danh mục chương trình: danh mục áp dụng cho mọi đơn vị.");
        CatalogueView? view = null;
        await registration.AddAsync(request.Content, caller.UserName, record =>
        {
            view = CatalogueView.Of(record, CatalogueReader.Read(record.Content).Period, inUse: true);
            journal.Record(AdminObjectTypes.Catalogue, $"{record.PeriodId} v{record.Version}", AdminUnit.NationalCode, "create", null,
                view with { RegisteredAt = record.RegisteredAt });
        }, cancellationToken);
        return view!;
    }
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.SetAgencyBudgetIdentity;

/// <summary>
/// The body of <c>PUT /api/admin/agencies/{code}/budget-identity</c>: the codes the treasury knows the agency by, as
/// they should be (a blank field clears it: not yet known).
/// </summary>
/// <param name="RelationshipCode">Mã ĐVQHNS, 7 digits.</param>
/// <param name="TreasuryAccount">Tài khoản dự toán, e.g. 9523.3.1234567.</param>
/// <param name="TreasuryName">The treasury office holding the account.</param>
/// <param name="TreasuryCode">Mã KBNN, 4 digits.</param>
/// <param name="Chapter">Mã chương, 3 digits.</param>
public sealed record AgencyBudgetIdentityRequest(string? RelationshipCode, string? TreasuryAccount, string? TreasuryName, string? TreasuryCode, string? Chapter);

/// <summary>What <c>GET</c>/<c>PUT …/budget-identity</c> answer: the agency and its treasury codes.</summary>
public sealed record AgencyBudgetIdentityView(string AgencyCode, string AgencyName, string? RelationshipCode, string? TreasuryAccount,
    string? TreasuryName, string? TreasuryCode, string? Chapter)
{
    public static AgencyBudgetIdentityView Of(Agency a) =>
        new(a.Code, a.Name, a.BudgetRelationshipCode, a.TreasuryAccount, a.TreasuryName, a.TreasuryCode, a.BudgetChapter);
}

public sealed record SetAgencyBudgetIdentityCommand(string Code, AgencyBudgetIdentityRequest Identity) : IRequest<AgencyBudgetIdentityView>;

public sealed record GetAgencyBudgetIdentityQuery(string Code) : IRequest<AgencyBudgetIdentityView>;

public sealed class SetAgencyBudgetIdentityValidator : AbstractValidator<SetAgencyBudgetIdentityCommand>
{
    public SetAgencyBudgetIdentityValidator()
    {
        RuleFor(c => c.Identity).Custom((i, context) =>
        {
            foreach (var v in AgencyBudgetIdentity.Check(new(i.RelationshipCode, i.TreasuryAccount, i.TreasuryName, i.TreasuryCode, i.Chapter)))
                context.AddFailure(v.Path, v.Message);
        });
    }
}

/// <summary>An administrator records the agency's treasury codes; the change is journaled like every administration change.</summary>
public sealed class SetAgencyBudgetIdentityHandler(WorkflowDbContext db, AdminScope scope, AdminJournal journal)
    : IRequestHandler<SetAgencyBudgetIdentityCommand, AgencyBudgetIdentityView>, IRequestHandler<GetAgencyBudgetIdentityQuery, AgencyBudgetIdentityView>
{
    public async Task<AgencyBudgetIdentityView> Handle(SetAgencyBudgetIdentityCommand request, CancellationToken cancellationToken)
    {
        var agency = await scope.AgencyAsync(request.Code, cancellationToken);
        var before = AgencyBudgetIdentityView.Of(agency);
        var i = request.Identity;
        agency.SetBudgetIdentity(new AgencyBudgetIdentity(i.RelationshipCode, i.TreasuryAccount, i.TreasuryName, i.TreasuryCode, i.Chapter));
        var after = AgencyBudgetIdentityView.Of(agency);
        if (after == before) return after;
        journal.Record(AdminObjectTypes.Agency, agency.Code, agency.UnitCode, "set-budget-identity", before, after);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }

    public async Task<AgencyBudgetIdentityView> Handle(GetAgencyBudgetIdentityQuery request, CancellationToken cancellationToken) =>
        AgencyBudgetIdentityView.Of(await scope.AgencyAsync(request.Code, cancellationToken));
}

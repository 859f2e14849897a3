using FluentValidation;
using MediatR;
using Workflow.Domain.Administration;

namespace Workflow.Api.Features.Admin.Users.UpdateUser;

/// <summary>Name, position, agency, roles, e-mail address and head flag of a user the caller manages. A new agency or new roles end the user's sessions.</summary>
/// <param name="IsHead">Whether the person heads their agency (may take over tasks colleagues claimed); null keeps it as it is.</param>
public sealed record UpdateUserCommand(Guid Id, string? DisplayName, string? Position, string? AgencyCode, IReadOnlyList<string>? Roles, string? Email = null,
    bool? IsHead = null) : IRequest<AdminUserView>;

public sealed class UpdateUserValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserValidator() => RuleFor(c => c).Custom((c, context) =>
    {
        foreach (var v in AdminUsers.CheckPerson(c.DisplayName, c.Position, c.Roles)) context.AddFailure(v.Path, v.Message);
        foreach (var v in AdminUsers.CheckEmail(c.Email)) context.AddFailure(v.Path, v.Message);
        if (string.IsNullOrWhiteSpace(c.AgencyCode)) context.AddFailure("agencyCode", "Chọn cơ quan của người dùng.");
    });
}

public sealed class UpdateUserHandler(AdminUsers admin, AdminJournal journal) : IRequestHandler<UpdateUserCommand, AdminUserView>
{
    public async Task<AdminUserView> Handle(UpdateUserCommand request, CancellationToken cancellationToken)
    {
        var user = await admin.FindAsync(request.Id, cancellationToken);
        var agency = await admin.AgencyAsync(request.AgencyCode, cancellationToken);
        var roles = request.Roles!.Distinct().ToList();
        await admin.EnsureAdministrationSurvivesAsync(user, user.IsActive, roles, agency.UnitCode, cancellationToken);

        var before = AdminUserView.Of(user);
        user.Describe(request.DisplayName!, request.Position ?? "");
        user.MoveTo(agency.Code, agency.UnitCode);
        user.SetRoles(roles);
        user.SetEmail(request.Email);
        if (request.IsHead is { } head) user.MarkHead(head);
        var after = AdminUserView.Of(user);
        if (after with { Roles = before.Roles } == before && after.Roles.SequenceEqual(before.Roles)) return before;

        journal.Record(AdminObjectTypes.User, user.Id.ToString(), user.UnitCode, "update", before, after);
        // a new address changes nothing the person may do: their sessions go on
        var addressOnly = after with { Roles = before.Roles, Email = before.Email } == before && after.Roles.SequenceEqual(before.Roles);
        if (addressOnly) await admin.SaveAsync(user);
        else await admin.SaveEndingSessionsAsync(user);
        return after;
    }
}

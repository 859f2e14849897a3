using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.Users.TwoFactorRoles;

/// <summary>The roles whose holders must sign in with a second factor (recommended: Admin, Approver).</summary>
public sealed record GetTwoFactorRolesQuery : IRequest<TwoFactorRolesView>;

/// <summary>Sets those roles; a national administrator's decision, since it binds every unit.</summary>
public sealed record SetTwoFactorRolesCommand(IReadOnlyList<string>? Roles) : IRequest<TwoFactorRolesView>;

public sealed record TwoFactorRolesView(IReadOnlyList<string> Roles);

public sealed class SetTwoFactorRolesValidator : AbstractValidator<SetTwoFactorRolesCommand>
{
    public SetTwoFactorRolesValidator() => RuleFor(c => c).Custom((c, context) =>
    {
        if (c.Roles is null) context.AddFailure("roles", "Gửi danh sách vai trò (có thể rỗng).");
        else
            for (var i = 0; i < c.Roles.Count; i++)
                if (c.Roles[i] is null || !Roles.IsKnown(c.Roles[i]))
                    context.AddFailure($"roles[{i}]", $"Vai trò '{c.Roles[i]}' không có; chọn trong {string.Join(", ", Roles.All)}.");
    });
}

public sealed class TwoFactorRolesHandlers(WorkflowDbContext db, ICurrentUser caller, AdminJournal journal)
    : IRequestHandler<GetTwoFactorRolesQuery, TwoFactorRolesView>, IRequestHandler<SetTwoFactorRolesCommand, TwoFactorRolesView>
{
    public async Task<TwoFactorRolesView> Handle(GetTwoFactorRolesQuery request, CancellationToken cancellationToken) =>
        new(await db.TwoFactorRoles.AsNoTracking().OrderBy(r => r.Role).Select(r => r.Role).ToListAsync(cancellationToken));

    public async Task<TwoFactorRolesView> Handle(SetTwoFactorRolesCommand request, CancellationToken cancellationToken)
    {
        if (caller.UnitCode != AdminUnit.NationalCode)
            throw new ForbiddenException("Chỉ quản trị viên quốc gia đặt vai trò bắt buộc xác thực hai bước.");
        var before = await Handle(new GetTwoFactorRolesQuery(), cancellationToken);
        var wanted = request.Roles!.Distinct().Order(StringComparer.Ordinal).ToList();
        if (before.Roles.SequenceEqual(wanted)) return before;
        db.TwoFactorRoles.RemoveRange(await db.TwoFactorRoles.ToListAsync(cancellationToken));
        db.TwoFactorRoles.AddRange(wanted.Select(r => new TwoFactorRole(r)));
        var after = new TwoFactorRolesView(wanted);
        journal.Record(AdminObjectTypes.TwoFactorRoles, "two-factor-roles", AdminUnit.NationalCode, "update", before, after);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }
}

using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.Users.CreateUser;

/// <summary>A new user of an agency the caller manages, with a one-time password they must change at first sign-in.</summary>
public sealed record CreateUserCommand(string? UserName, string? DisplayName, string? Position, string? AgencyCode, IReadOnlyList<string>? Roles, string? Email = null) : IRequest<UserWithPassword>;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator() => RuleFor(c => c).Custom((c, context) =>
    {
        var name = c.UserName?.Trim() ?? "";
        if (name.Length < AdminUsers.MinUserNameLength || name.Length > 64 || !name.All(ch => ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '-' or '_' or '@'))
            context.AddFailure("userName", $"Tên đăng nhập {AdminUsers.MinUserNameLength}–64 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới hoặc @.");
        foreach (var v in AdminUsers.CheckPerson(c.DisplayName, c.Position, c.Roles)) context.AddFailure(v.Path, v.Message);
        foreach (var v in AdminUsers.CheckEmail(c.Email)) context.AddFailure(v.Path, v.Message);
        if (string.IsNullOrWhiteSpace(c.AgencyCode)) context.AddFailure("agencyCode", "Chọn cơ quan của người dùng.");
    });
}

public sealed class CreateUserHandler(WorkflowDbContext db, UserManager<User> users, AdminUsers admin, AdminJournal journal)
    : IRequestHandler<CreateUserCommand, UserWithPassword>
{
    public async Task<UserWithPassword> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        var agency = await admin.AgencyAsync(request.AgencyCode, cancellationToken);
        var userName = User.NormalizeName(request.UserName!);
        var duplicate = $"Tên đăng nhập {userName} đã được dùng.";
        if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
            throw new ConflictException(duplicate, "user.duplicate") { Violations = [new("userName", duplicate)] };

        var user = new User(Guid.NewGuid(), userName, request.DisplayName!, request.Position ?? "", agency.Code, agency.UnitCode, request.Roles!.Distinct());
        user.RequirePasswordChange(true);
        user.SetEmail(request.Email);
        var password = AdminUsers.OneTimePassword();
        journal.Record(AdminObjectTypes.User, user.Id.ToString(), user.UnitCode, "create", null, AdminUserView.Of(user));
        var result = await users.CreateAsync(user, password); // saves the user and the journal entry together
        if (!result.Succeeded)
            throw new ConflictException(string.Join(" ", result.Errors.Select(e => e.Description)), "user.duplicate") { Violations = [new("userName", duplicate)] };
        return new UserWithPassword(AdminUserView.Of(user), password);
    }
}

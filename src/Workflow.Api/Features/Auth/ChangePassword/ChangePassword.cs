using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Workflow.Api.Auth;
using Workflow.Api.Common;
using Workflow.Api.Features.Auth.IssueToken;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Features.Auth.ChangePassword;

/// <summary>A user changes their own password; every other session of theirs ends, and a new token comes back.</summary>
public sealed record ChangePasswordCommand(string? CurrentPassword, string? NewPassword) : IRequest<TokenResponse>;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Nhập mật khẩu hiện tại.").MaximumLength(256).WithMessage("Mật khẩu tối đa 256 ký tự.");
        RuleFor(c => c.NewPassword).Custom((password, context) =>
        {
            foreach (var v in PasswordPolicy.Check(password, "newPassword")) context.AddFailure("newPassword", v.Message);
        });
        RuleFor(c => c.NewPassword).NotEqual(c => c.CurrentPassword).WithMessage("Mật khẩu mới phải khác mật khẩu hiện tại.").When(c => !string.IsNullOrEmpty(c.NewPassword));
    }
}

public sealed class ChangePasswordHandler(UserManager<User> users, ICurrentUser caller, AccountSignIn signIn, SessionValidator sessions, TokenIssuer issuer)
    : IRequestHandler<ChangePasswordCommand, TokenResponse>
{
    public async Task<TokenResponse> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(caller.Id.ToString()) ?? throw new NotFoundException("Không tìm thấy tài khoản.");
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            var wrongCurrent = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            throw new ValidationFailedException(wrongCurrent ? "currentPassword" : "newPassword",
                wrongCurrent ? "Mật khẩu hiện tại không đúng." : string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        user.RequirePasswordChange(false);
        await users.UpdateAsync(user); // the password change gave the user a new stamp: other sessions end
        sessions.Forget(user.Id);
        return IssueTokenHandler.Respond(issuer, user, await IssueTokenHandler.RestrictionOfAsync(signIn, user, cancellationToken));
    }
}

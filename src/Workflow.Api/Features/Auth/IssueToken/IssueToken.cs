using FluentValidation;
using MediatR;
using Workflow.Api.Auth;
using Workflow.Api.Common;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Features.Auth.IssueToken;

/// <param name="Code">The 6-digit code of the authenticator app, for an account with a second factor.</param>
public sealed record IssueTokenCommand(string? UserName, string? Password, string? Code = null) : IRequest<TokenResponse>;

/// <param name="Restriction">Set when the session may only put the account right first: <c>change-password</c> or <c>enrol-two-factor</c>.</param>
public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, SignedInUser User, string? Restriction);

public sealed record SignedInUser(Guid Id, string UserName, string DisplayName, string Position, string AgencyCode, string UnitCode, IReadOnlyList<string> Roles);

public sealed class IssueTokenValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().WithMessage("Nhập tên đăng nhập.").MaximumLength(64).WithMessage("Tên đăng nhập tối đa 64 ký tự.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("Nhập mật khẩu.").MaximumLength(256).WithMessage("Mật khẩu tối đa 256 ký tự.");
        RuleFor(c => c.Code).MaximumLength(16).WithMessage("Mã xác thực gồm 6 chữ số.");
    }
}

public sealed class IssueTokenHandler(AccountSignIn signIn, TokenIssuer issuer) : IRequestHandler<IssueTokenCommand, TokenResponse>
{
    public async Task<TokenResponse> Handle(IssueTokenCommand request, CancellationToken cancellationToken)
    {
        var user = await signIn.SignInAsync(request.UserName!, request.Password!, request.Code, cancellationToken);
        var restriction = await RestrictionOfAsync(signIn, user, cancellationToken);
        return Respond(issuer, user, restriction);
    }

    public static async Task<string?> RestrictionOfAsync(AccountSignIn signIn, User user, CancellationToken ct) =>
        user.MustChangePassword ? Restrictions.ChangePassword
        : await signIn.MustEnrolTwoFactorAsync(user, ct) ? Restrictions.EnrolTwoFactor
        : null;

    public static TokenResponse Respond(TokenIssuer issuer, User user, string? restriction)
    {
        var (token, expiresAt) = issuer.Issue(user, restriction);
        return new TokenResponse(token, "Bearer", expiresAt,
            new SignedInUser(user.Id, user.UserName!, user.DisplayName, user.Position, user.AgencyCode, user.UnitCode, user.Roles), restriction);
    }
}

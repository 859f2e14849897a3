using System.Text.Encodings.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Auth;
using Workflow.Api.Common;
using Workflow.Api.Features.Auth.IssueToken;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Auth.TwoFactor;

/// <summary>
/// Where the caller's second factor stands; when it is not on yet, the shared key to type into an authenticator app
/// (and the <c>otpauth://</c> address a QR code would carry). The key is created on first ask and kept until enabled.
/// </summary>
public sealed record GetTwoFactorQuery : IRequest<TwoFactorStatus>;

public sealed record TwoFactorStatus(bool Enabled, bool RequiredByRole, string? SharedKey, string? AuthenticatorUri);

/// <summary>Turns the second factor on with a code from the app (proving it was set up), and answers a new token.</summary>
public sealed record EnableTwoFactorCommand(string? Code) : IRequest<TokenResponse>;

/// <summary>Turns it off, with a current code; refused while a role the user holds requires it.</summary>
public sealed record DisableTwoFactorCommand(string? Code) : IRequest<TokenResponse>;

public sealed class EnableTwoFactorValidator : AbstractValidator<EnableTwoFactorCommand>
{
    public EnableTwoFactorValidator() => RuleFor(c => c.Code).NotEmpty().WithMessage("Nhập mã 6 chữ số từ ứng dụng xác thực.").MaximumLength(16).WithMessage("Mã xác thực gồm 6 chữ số.");
}

public sealed class DisableTwoFactorValidator : AbstractValidator<DisableTwoFactorCommand>
{
    public DisableTwoFactorValidator() => RuleFor(c => c.Code).NotEmpty().WithMessage("Nhập mã 6 chữ số từ ứng dụng xác thực.").MaximumLength(16).WithMessage("Mã xác thực gồm 6 chữ số.");
}

public sealed class TwoFactorHandlers(UserManager<User> users, IUserStore<User> store, WorkflowDbContext db, ICurrentUser caller, AccountSignIn signIn, SessionValidator sessions, TokenIssuer issuer)
    : IRequestHandler<GetTwoFactorQuery, TwoFactorStatus>, IRequestHandler<EnableTwoFactorCommand, TokenResponse>, IRequestHandler<DisableTwoFactorCommand, TokenResponse>
{
    public const string Issuer = "Workflow CTMTQG";

    public async Task<TwoFactorStatus> Handle(GetTwoFactorQuery request, CancellationToken cancellationToken)
    {
        var user = await CallerAsync();
        var required = await RequiredAsync(user, cancellationToken);
        if (user.TwoFactorEnabled) return new TwoFactorStatus(true, required, null, null);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // through the store, not ResetAuthenticatorKeyAsync: a new stamp would end the session that is setting it up
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<User>)store).SetAuthenticatorKeyAsync(user, key, cancellationToken);
            await users.UpdateAsync(user);
        }
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(user.UserName!)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";
        return new TwoFactorStatus(false, required, key, uri);
    }

    public async Task<TokenResponse> Handle(EnableTwoFactorCommand request, CancellationToken cancellationToken)
    {
        var user = await CallerAsync();
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            throw new ConflictException("Chưa có khóa xác thực: xem GET /api/auth/two-factor để lấy khóa trước.", "auth.twoFactorNoKey");
        if (!await VerifyAsync(user, request.Code!))
            throw new ValidationFailedException("code", "Mã xác thực không đúng hoặc đã hết hạn; kiểm tra giờ trên điện thoại rồi thử mã mới.");
        await users.SetTwoFactorEnabledAsync(user, true);
        sessions.Forget(user.Id);
        return IssueTokenHandler.Respond(issuer, user, await IssueTokenHandler.RestrictionOfAsync(signIn, user, cancellationToken));
    }

    public async Task<TokenResponse> Handle(DisableTwoFactorCommand request, CancellationToken cancellationToken)
    {
        var user = await CallerAsync();
        if (!user.TwoFactorEnabled) throw new ConflictException("Xác thực hai bước chưa bật.", "auth.twoFactorOff");
        if (await RequiredAsync(user, cancellationToken))
            throw new ConflictException("Vai trò của bạn bắt buộc xác thực hai bước; không thể tắt.", "auth.twoFactorRequiredByRole");
        if (!await VerifyAsync(user, request.Code!))
            throw new ValidationFailedException("code", "Mã xác thực không đúng hoặc đã hết hạn.");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        sessions.Forget(user.Id);
        return IssueTokenHandler.Respond(issuer, user, await IssueTokenHandler.RestrictionOfAsync(signIn, user, cancellationToken));
    }

    private async Task<User> CallerAsync() =>
        await users.FindByIdAsync(caller.Id.ToString()) ?? throw new NotFoundException("Không tìm thấy tài khoản.");

    private async Task<bool> RequiredAsync(User user, CancellationToken ct)
    {
        var roles = await db.TwoFactorRoles.Select(r => r.Role).ToListAsync(ct);
        return user.Roles.Any(roles.Contains);
    }

    private Task<bool> VerifyAsync(User user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", "", StringComparison.Ordinal));
}

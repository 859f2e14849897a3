using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Auth;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Auth.IssueToken;

public sealed record IssueTokenCommand(string? UserName, string? Password) : IRequest<TokenResponse>;

public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, SignedInUser User);

public sealed record SignedInUser(Guid Id, string UserName, string DisplayName, string AgencyCode, string UnitCode, IReadOnlyList<string> Roles);

public sealed class IssueTokenValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().WithMessage("Nhập tên đăng nhập.").MaximumLength(64).WithMessage("Tên đăng nhập tối đa 64 ký tự.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("Nhập mật khẩu.").MaximumLength(256).WithMessage("Mật khẩu tối đa 256 ký tự.");
    }
}

public sealed class IssueTokenHandler(WorkflowDbContext db, IPasswordHasher<User> hasher, TokenIssuer issuer)
    : IRequestHandler<IssueTokenCommand, TokenResponse>
{
    public async Task<TokenResponse> Handle(IssueTokenCommand request, CancellationToken cancellationToken)
    {
        var user = await UserStore.VerifyAsync(db, hasher, request.UserName!, request.Password!, cancellationToken)
            ?? throw new AuthenticationFailedException();
        var (token, expiresAt) = issuer.Issue(user);
        return new TokenResponse(token, "Bearer", expiresAt,
            new SignedInUser(user.Id, user.UserName, user.DisplayName, user.AgencyCode, user.UnitCode, user.Roles));
    }
}

/// <summary>Password check shared by the API token and the web sign-in.</summary>
public static class UserStore
{
    public static async Task<User?> VerifyAsync(WorkflowDbContext db, IPasswordHasher<User> hasher, string userName, string password, CancellationToken ct)
    {
        var name = userName.Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null || !user.IsActive) return null;
        return hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }
}

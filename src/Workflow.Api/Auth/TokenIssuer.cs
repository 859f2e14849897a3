using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Workflow.Api.Common;
using Workflow.Domain.Identity;

namespace Workflow.Api.Auth;

public sealed class TokenIssuer(JwtOptions options, TimeProvider clock)
{
    public static SymmetricSecurityKey KeyOf(JwtOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));

    public (string Token, DateTimeOffset ExpiresAt) Issue(User user)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Lifetime;
        var token = new JwtSecurityToken(
            options.Issuer,
            options.Audience,
            HttpCurrentUser.ClaimsOf(user),
            notBefore: now.UtcDateTime,
            expires: expires.UtcDateTime,
            signingCredentials: new SigningCredentials(KeyOf(options), SecurityAlgorithms.HmacSha256));
        return (new JwtSecurityTokenHandler().WriteToken(token), expires);
    }
}

/// <summary>Wrong user name or password: one answer for both, so names cannot be probed.</summary>
public sealed class AuthenticationFailedException() : Exception("Tên đăng nhập hoặc mật khẩu không đúng.");

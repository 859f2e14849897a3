using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Workflow.Api.Common;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Auth;

public sealed class TokenIssuer(JwtOptions options, TimeProvider clock)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(User user, string? restriction)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Lifetime;
        var token = new JwtSecurityToken(
            options.Issuer,
            options.Audience,
            HttpCurrentUser.ClaimsOf(user, restriction),
            notBefore: now.UtcDateTime,
            expires: expires.UtcDateTime,
            signingCredentials: new SigningCredentials(options.CurrentKey, SecurityAlgorithms.HmacSha256));
        return (new JwtSecurityTokenHandler().WriteToken(token), expires);
    }
}


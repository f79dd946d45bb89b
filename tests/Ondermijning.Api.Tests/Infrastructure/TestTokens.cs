using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>Signed bearer tokens as an identity provider would issue them, for a key only the tests know.</summary>
public static class TestTokens
{
    public const string SigningKey = "ondermijning-test-signing-key-of-at-least-32-bytes";
    public const string Issuer = "https://idp.test.ondermijning.example";
    public const string Audience = "ondermijning-api";

    private static readonly JsonWebTokenHandler Handler = new();

    public static string For(string userId, string organisation, IEnumerable<string> roles, IEnumerable<string>? municipalities = null)
    {
        var claims = new List<Claim> { new("sub", userId), new("name", $"Test {userId}"), new("organisation", organisation) };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        claims.AddRange((municipalities ?? ["GM0935"]).Select(m => new Claim("municipalities", m)));
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}

using System.Security.Cryptography;
using System.Text;
using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Frontend;

/// <summary>
/// A project's public token, the credential Stytch's frontend SDKs send (<c>public-token-test-&lt;uuid&gt;</c>, or
/// <c>-live-</c> for a live project, as Stytch's dashboard shows them).
/// </summary>
internal static class PublicTokens
{
    private const string Kind = "public-token";

    /// <summary>
    /// The token a project starts with: derived from its id, so a project with a fixed id keeps its token across
    /// restarts and the project's seeded stream of ids and codes is not drawn from. A public token is not a secret.
    /// </summary>
    public static string For(string projectId)
    {
        var live = projectId.StartsWith("project-live-", StringComparison.Ordinal);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("public-token:" + projectId), hash);
        var bytes = hash[..16].ToArray();
        // A version-4-shaped UUID, as Stytch's ids are.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var uuid = Convert.ToHexStringLower(bytes);
        return $"{Kind}-{(live ? "live" : "test")}-{uuid[..8]}-{uuid[8..12]}-{uuid[12..16]}-{uuid[16..20]}-{uuid[20..]}";
    }

    /// <summary>True when <paramref name="token"/> is shaped like a public token.</summary>
    public static bool IsWellFormed(string? token) => Validate.IsId(token, Kind);
}

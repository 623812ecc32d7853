using System.Text.Json;
using Stytch.Fake.Core.Passwords.Migration;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Http;

/// <summary>
/// The hash configuration objects of <c>/v1/passwords/migrate</c> and <c>/v1/b2b/passwords/migrate</c>
/// (<c>md_5_config</c>, <c>sha_1_config</c>, <c>sha_512_config</c>, <c>argon_2_config</c>, <c>scrypt_config</c>,
/// <c>pbkdf_2_config</c>): each an object of known string or integer members. A request record declares them as
/// <c>JsonElement?</c> members marked with their rule, and the handler reads them into one <see cref="LegacyHash"/>,
/// taking the configuration of the hash type sent (the others are checked for their kinds only).
/// </summary>
internal static class LegacyHashJson
{
    private static readonly string[] SaltFields = ["prepend_salt", "append_salt"];
    private static readonly string[] Argon2Fields = ["salt", "iteration_amount", "memory", "threads", "key_length"];
    private static readonly string[] ScryptFields = ["salt", "n_parameter", "r_parameter", "p_parameter", "key_length"];
    private static readonly string[] Pbkdf2Fields = ["salt", "iteration_amount", "key_length", "algorithm"];
    private static readonly HashSet<string> Strings = new(StringComparer.Ordinal) { "prepend_salt", "append_salt", "salt", "algorithm" };

    /// <summary>The migrated hash the request describes; its checks are the engine's (<see cref="LegacyHashes.Check"/>).</summary>
    public static LegacyHash Read(string? hashType, string? hash, JsonElement? md5, JsonElement? sha1, JsonElement? sha512, JsonElement? argon2, JsonElement? scrypt, JsonElement? pbkdf2)
    {
        var type = hashType ?? "";
        var result = new LegacyHash { Type = type, Hash = hash ?? "" };
        return type switch
        {
            LegacyHashType.Md5 => Salts(result, md5, "md_5_config"),
            LegacyHashType.Sha1 => Salts(result, sha1, "sha_1_config"),
            LegacyHashType.Sha512 => Salts(result, sha512, "sha_512_config"),
            LegacyHashType.Argon2i or LegacyHashType.Argon2id => Config(argon2, "argon_2_config", Argon2Fields) is { } c
                ? result with { Salt = S(c, "salt"), Iterations = I(c, "iteration_amount"), MemoryKib = I(c, "memory"), Parallelism = I(c, "threads"), KeyLength = I(c, "key_length") }
                : result,
            LegacyHashType.Scrypt => Config(scrypt, "scrypt_config", ScryptFields) is { } c
                ? result with { Salt = S(c, "salt"), CostN = I(c, "n_parameter"), BlockSize = I(c, "r_parameter"), Parallelism = I(c, "p_parameter"), KeyLength = I(c, "key_length") }
                : result,
            LegacyHashType.Pbkdf2 => Config(pbkdf2, "pbkdf_2_config", Pbkdf2Fields) is { } c
                ? result with { Salt = S(c, "salt"), Iterations = I(c, "iteration_amount"), KeyLength = I(c, "key_length"), Algorithm = S(c, "algorithm") }
                : result,
            _ => result,
        };
    }

    private static LegacyHash Salts(LegacyHash hash, JsonElement? config, string name) =>
        Config(config, name, SaltFields) is { } c ? hash with { PrependSalt = S(c, "prepend_salt"), AppendSalt = S(c, "append_salt") } : hash;

    private static string S(Dictionary<string, object> c, string name) => c.TryGetValue(name, out var v) ? (string)v : "";

    private static int I(Dictionary<string, object> c, string name) => c.TryGetValue(name, out var v) ? (int)v : 0;

    /// <summary>The members of one configuration object by name; unknown ones go to <paramref name="unknowns"/>, a member of the wrong kind is <c>bad_request</c>.</summary>
    private static Dictionary<string, object>? Config(JsonElement? value, string name, string[] known, BodyFields? unknowns = null)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } e)
        {
            return null;
        }

        var members = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var p in JsonValues.Object(e, name).EnumerateObject())
        {
            var path = $"{name}.{p.Name}";
            if (Array.IndexOf(known, p.Name) < 0)
            {
                unknowns?.Unknown(path);
            }
            else if (p.Value.ValueKind != JsonValueKind.Null)
            {
                members[p.Name] = Strings.Contains(p.Name) ? JsonValues.String(p.Value, path) : JsonValues.Int(p.Value, path);
            }
        }

        return members;
    }

    /// <summary>Binds <c>md_5_config</c>, <c>sha_1_config</c> and <c>sha_512_config</c>.</summary>
    internal sealed class SaltsRule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => Config(value, path, SaltFields, fields);
    }

    /// <summary>Binds <c>argon_2_config</c>.</summary>
    internal sealed class Argon2Rule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => Config(value, path, Argon2Fields, fields);
    }

    /// <summary>Binds <c>scrypt_config</c>.</summary>
    internal sealed class ScryptRule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => Config(value, path, ScryptFields, fields);
    }

    /// <summary>Binds <c>pbkdf_2_config</c>.</summary>
    internal sealed class Pbkdf2Rule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => Config(value, path, Pbkdf2Fields, fields);
    }
}

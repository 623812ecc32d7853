using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Engine;

namespace Stytch.Fake.Http;

/// <summary>A project's saved state as a JSON file: the engine state plus its signing keys.</summary>
internal sealed record WireSnapshot(
    int Version,
    string ProjectId,
    EngineSnapshot State,
    WireSigningKey[] SigningKeys);

internal sealed record WireSigningKey(string Kid, string PrivateKeyPem);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    WriteIndented = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(WireSnapshot))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;

/// <summary>Reads and writes snapshot files.</summary>
internal static class SnapshotJson
{
    public const int Version = 1;

    public static string Write(StytchFakeProject project)
    {
        var snapshot = new WireSnapshot(
            Version,
            project.ProjectId,
            project.State.Export(),
            project.Jwts.Keys.Export().Select(k => new WireSigningKey(k.Kid, k.PrivateKeyPem)).ToArray());
        return JsonSerializer.Serialize(snapshot, SnapshotJsonContext.Default.WireSnapshot);
    }

    /// <summary>Loads <paramref name="json"/> into <paramref name="project"/>; anything malformed is a 400 and changes nothing.</summary>
    public static void Read(StytchFakeProject project, string json)
    {
        WireSnapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize(json, SnapshotJsonContext.Default.WireSnapshot);
        }
        catch (JsonException)
        {
            throw new StytchException(StytchError.BadRequest with { Message = "The snapshot is not valid JSON of a Stytch.Fake snapshot." });
        }

        if (snapshot is null || snapshot.Version != Version || snapshot.State is null)
        {
            throw new StytchException(StytchError.BadRequest with { Message = $"The snapshot must be an object with version {Version} and a state." });
        }

        try
        {
            // Keys are parsed before the state is replaced, so a bad key leaves the project as it was.
            var keys = project.Jwts.Keys.Parse((snapshot.SigningKeys ?? []).Select(k => (k.Kid, k.PrivateKeyPem)).ToArray());
            project.State.Import(snapshot.State);
            project.Jwts.Keys.Replace(keys);
        }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new StytchException(StytchError.BadRequest with { Message = "The snapshot could not be loaded: " + e.Message });
        }
    }
}

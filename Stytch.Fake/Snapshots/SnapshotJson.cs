using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Engine;
using Stytch.Fake.Http;

namespace Stytch.Fake.Snapshots;

/// <summary>A project's saved state as a JSON file: the engine state plus its signing keys.</summary>
internal sealed record WireSnapshot(
    int Version,
    string ProjectId,
    EngineSnapshot State,
    WireSigningKey[] SigningKeys,
    [property: JsonPropertyName("b2b")] B2BSnapshot? B2B = null);

internal sealed record WireSigningKey(string Kid, string PrivateKeyPem);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    WriteIndented = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(ClaimsJson.SnapshotConverter)])]
[JsonSerializable(typeof(WireSnapshot))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;

/// <summary>Reads and writes snapshot files.</summary>
internal static class SnapshotJson
{
    public const int Version = 1;

    /// <summary>
    /// The largest snapshot the fake loads, in UTF-8 bytes: the same at start (<c>--snapshot</c>,
    /// <see cref="StytchFakeProject.ImportSnapshot"/>) as over HTTP (<c>PUT …/snapshot</c>, whose body the server
    /// stops reading past this size).
    /// </summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The error for a snapshot over <see cref="MaxBytes"/>.</summary>
    public static StytchError TooLarge { get; } = StytchError.BadRequest with { Message = $"The snapshot is larger than {MaxBytes / 1024 / 1024} MB." };

    public static string Write(StytchFakeProject project)
    {
        var snapshot = new WireSnapshot(
            Version,
            project.ProjectId,
            project.State.Export(),
            project.Jwts.Keys.Export().Select(k => new WireSigningKey(k.Kid, k.PrivateKeyPem)).ToArray(),
            project.B2B.Export());
        return JsonSerializer.Serialize(snapshot, SnapshotJsonContext.Default.WireSnapshot);
    }

    /// <summary>
    /// What the engine relies on for its own records: ids and tokens shaped as it makes them, emails valid and
    /// lower-cased, six-digit codes. A hand-edited snapshot that breaks these is refused rather than loaded.
    /// </summary>
    private static bool IsWellFormed(EngineSnapshot state)
    {
        static bool IsNormalisedEmail(string email)
        {
            try
            {
                return string.Equals(Validate.Email(email), email, StringComparison.Ordinal);
            }
            catch (StytchException)
            {
                return false;
            }
        }

        static bool IsCode(string code)
        {
            try
            {
                Validate.Code(code);
                return true;
            }
            catch (StytchException)
            {
                return false;
            }
        }

        return (state.Users ?? []).All(u => Validate.IsId(u.UserId, "user") && Validate.IsId(u.EmailId, "email") && IsNormalisedEmail(u.Email))
            && (state.Otps ?? []).All(o => Validate.IsId(o.EmailId, "email") && IsCode(o.Code))
            && (state.Sessions ?? []).All(x => Validate.IsId(x.SessionId, "session") && Validate.IsId(x.UserId, "user") && Validate.IsSessionToken(x.SessionToken));
    }

    // Custom claims are free JSON, where a null list item is a value like any other.
    private static bool HasNullItem(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonArray array => array.Any(item => item is null || HasNullItem(item)),
        System.Text.Json.Nodes.JsonObject obj => obj.Any(p => p.Key != "custom_claims" && HasNullItem(p.Value)),
        _ => false,
    };

    /// <summary>
    /// Loads <paramref name="json"/> into <paramref name="project"/>; anything malformed is a 400 and changes nothing.
    /// Returns the snapshot's time, for the caller to set the clock to once everything else is loaded: that fires
    /// timers, whose callbacks must find the whole snapshot in place and no lock held.
    /// </summary>
    public static DateTimeOffset Read(StytchFakeProject project, string json)
    {
        // Characters never outnumber UTF-8 bytes, so the cheap check settles most sizes before the exact one.
        if (json.Length > MaxBytes || System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            throw new StytchException(TooLarge);
        }

        WireSnapshot? snapshot;
        try
        {
            // The serializer refuses null for a non-nullable property, but not a null item in a list, which
            // would be imported and break every later call that reads it.
            if (HasNullItem(System.Text.Json.Nodes.JsonNode.Parse(json)))
            {
                throw new JsonException("A list in the snapshot holds null.");
            }

            snapshot = JsonSerializer.Deserialize(json, SnapshotJsonContext.Default.WireSnapshot);
        }
        catch (JsonException e)
        {
            throw Validate.BadRequest("The snapshot is not valid JSON of a Stytch.Fake snapshot: " + e.Message);
        }

        if (snapshot is null || snapshot.Version != Version || snapshot.State is null)
        {
            throw Validate.BadRequest($"The snapshot must be an object with version {Version} and a state.");
        }

        if (snapshot.State.Clock < Admin.ClockEndpoints.Earliest || snapshot.State.Clock >= Admin.ClockEndpoints.Latest)
        {
            throw Validate.BadRequest("The snapshot's clock must be between 1970 and 9000.");
        }

        if (!IsWellFormed(snapshot.State))
        {
            throw Validate.BadRequest("The snapshot holds a malformed or unnormalised email, id, code or session token.");
        }

        try
        {
            // Keys are parsed before the state is replaced, so a bad key leaves the project as it was.
            var keys = project.Jwts.Keys.Parse((snapshot.SigningKeys ?? []).Select(k => (k.Kid, k.PrivateKeyPem)).ToArray());
            // The B2B part is checked before anything is replaced too; a snapshot without one empties the B2B state.
            var b2b = snapshot.B2B ?? new B2BSnapshot([], [], [], []);
            B2BState.Check(b2b);
            project.State.Import(snapshot.State);
            project.B2B.Import(b2b);
            project.Jwts.Keys.Replace(keys);
        }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw Validate.BadRequest("The snapshot could not be loaded: " + e.Message);
        }

        return snapshot.State.Clock;
    }
}

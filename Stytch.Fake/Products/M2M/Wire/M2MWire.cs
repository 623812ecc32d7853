using System.Text.Json;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.M2M.Wire;

/// <summary>
/// Writes M2M clients as Stytch's <c>M2MClient</c>, <c>M2MClientWithClientSecret</c> and
/// <c>M2MClientWithNextClientSecret</c> (the spec's api_m2m_v1_* schemas): every field present, and
/// <c>next_client_secret_last_four</c> null when no rotation is under way ("Null if no next_client_secret exists").
/// </summary>
internal static class M2MWire
{
    /// <summary>The client as the property <paramref name="name"/>, with a secret field after the id when one is shown.</summary>
    public static void Write(Utf8JsonWriter w, string name, StytchM2MClient client, string? secretField = null, string? secret = null)
    {
        w.WritePropertyName(name);
        Write(w, client, secretField, secret);
    }

    /// <summary>The client as a JSON object.</summary>
    public static void Write(Utf8JsonWriter w, StytchM2MClient client, string? secretField = null, string? secret = null)
    {
        w.WriteStartObject();
        w.WriteString("client_id", client.ClientId);
        if (secretField is not null)
        {
            w.WriteString(secretField, secret);
        }

        w.WriteString("client_name", client.ClientName);
        w.WriteString("client_description", client.ClientDescription);
        w.WriteString("status", client.Status);
        w.WritePropertyName("scopes");
        w.WriteStartArray();
        foreach (var scope in client.Scopes)
        {
            w.WriteStringValue(scope);
        }

        w.WriteEndArray();
        w.WriteString("client_secret_last_four", client.ClientSecretLastFour);
        w.WritePropertyName("trusted_metadata");
        WireJson.Object(client.TrustedMetadata).WriteTo(w);
        w.WriteString("next_client_secret_last_four", client.NextClientSecretLastFour);
        w.WriteEndObject();
    }
}

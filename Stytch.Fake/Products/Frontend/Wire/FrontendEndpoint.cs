using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Frontend.Wire;

/// <summary>
/// How a frontend SDK call differs in its body from the backend call it is: fields it names otherwise, and whether the
/// session it acts on is the one the SDK sends as its Basic password.
/// </summary>
/// <param name="Rename">SDK field name to backend field name (OTP authenticate sends the code as <c>token</c>).</param>
/// <param name="Session">Whether the logged-in session's token goes in as <c>session_token</c>.</param>
/// <param name="MethodIdOf">
/// The answer's field whose value the SDK reads as <c>method_id</c> (its OTP send answers are <c>OTPsBaseResponse</c>,
/// <c>{method_id}</c>, where the backend answers <c>email_id</c>); null for none.
/// </param>
internal sealed record FrontendBody(IReadOnlyDictionary<string, string>? Rename = null, SessionUse Session = SessionUse.None, string? MethodIdOf = null)
{
    public static FrontendBody AsIs { get; } = new();

    /// <summary>A call that acts on the logged-in session: <c>session_not_found</c> before login.</summary>
    public static FrontendBody OfSession { get; } = new(Session: SessionUse.Required);

    /// <summary>A call that takes the logged-in session when it names no session or intermediate session of its own.</summary>
    public static FrontendBody WithSessionIfLoggedIn { get; } = new(Session: SessionUse.IfLoggedIn);
}

/// <summary>How a frontend call uses the session the SDK sends as its Basic password.</summary>
internal enum SessionUse
{
    /// <summary>Not at all: a login call starts or extends what its body names, as the backend call does.</summary>
    None,
    /// <summary>The call is about that session; before login it is <c>session_not_found</c>.</summary>
    Required,
    /// <summary>As the body's <c>session_token</c> when the body names no session nor intermediate session.</summary>
    IfLoggedIn,
}

/// <summary>
/// A frontend endpoint made of a backend one: the same handler, so the same validation, engine call and response
/// writer, reached under <c>/sdk/v1</c> with public-token authentication, its body first turned into the backend's
/// (<see cref="FrontendBody"/>). The <c>{"data": …}</c> wrapper and CORS are added once for every such call
/// (<see cref="FrontendCalls.Finish"/>).
/// </summary>
internal static class FrontendEndpoint
{
    /// <summary>The path prefix of the frontend SDK API.</summary>
    public const string Base = "/sdk/v1";

    /// <summary>
    /// Fields the SDK adds for fraud protection and CAPTCHA (<c>HeadlessOTPClient</c> and others), and a PKCE verifier it
    /// sends to calls whose backend twin takes none (B2B password authenticate), left out where the backend call does not
    /// take them, so a strict project does not refuse them.
    /// </summary>
    private static readonly string[] SdkOnlyFields = ["dfp_telemetry_id", "captcha_token", "code_verifier"];

    /// <summary>The backend endpoint named <paramref name="name"/> among <paramref name="endpoints"/>.</summary>
    public static Endpoint Named(IEnumerable<Endpoint> endpoints, string name) =>
        endpoints.Single(e => string.Equals(e.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// <paramref name="backend"/> at <c>/sdk/v1</c> + <paramref name="path"/>. <paramref name="pathValues"/>, when given,
    /// supplies the backend route's path values from the call (as <c>users/me</c> names the session's user), and
    /// <paramref name="query"/> its query parameters.
    /// </summary>
    public static Endpoint Reuse(
        Endpoint backend,
        string path,
        FrontendBody? body = null,
        Func<ApiCall, IReadOnlyDictionary<string, string>>? pathValues = null,
        Func<ApiCall, IReadOnlyDictionary<string, IReadOnlyList<string>>>? query = null)
    {
        body ??= FrontendBody.AsIs;
        return new Endpoint("sdk." + backend.Name, backend.Method, new Route(Base + path), null, async call =>
        {
            var sessionToken = body.Session switch
            {
                SessionUse.Required => FrontendCalls.SessionToken(call) ?? throw new StytchException(StytchError.SessionNotFound),
                SessionUse.IfLoggedIn => FrontendCalls.SessionToken(call),
                _ => null,
            };
            var values = pathValues?.Invoke(call) ?? call.PathValues;
            using var parsed = backend.BodyFields is null
                ? null
                : JsonBody.Parse(Rewrite(call.RawBody, body, backend.BodyFields, sessionToken), backend.BodyFields,
                    call.Project.StrictFields ? FieldPolicy.StrictProject : FieldPolicy.Ignore, values, emptyIsObject: true);
            var response = await backend.Handle(new ApiCall
            {
                Project = call.Project,
                Registry = call.Registry,
                RequestId = call.RequestId,
                PathValues = values,
                Request = query is null ? call.Request : call.Request with { Query = query(call) },
                Body = parsed,
            }).ConfigureAwait(false);
            return body.MethodIdOf is { } field ? WithMethodId(response, field) : response;
        }, Access.PublicToken)
        {
            FaultName = backend.Name,
        };
    }

    /// <summary>A 200 answer with <c>method_id</c> added after <c>request_id</c>, the value of its <paramref name="field"/>.</summary>
    private static ApiResponse WithMethodId(ApiResponse response, string field)
    {
        if (response.StatusCode != 200 || JsonNode.Parse(response.Body) is not JsonObject json
            || json["method_id"] is not null || json[field] is not JsonValue value)
        {
            return response;
        }

        json["method_id"] = value.DeepClone();
        return response with { Body = Encoding.UTF8.GetBytes(json.ToJsonString()) };
    }

    /// <summary>
    /// The SDK's body as the backend takes it. A body that is not a JSON object is passed on unchanged, for the
    /// backend's parser to refuse in its usual words.
    /// </summary>
    private static ReadOnlyMemory<byte> Rewrite(ReadOnlyMemory<byte> raw, FrontendBody body, IReadOnlySet<string> fields, string? sessionToken)
    {
        try
        {
            var json = raw.IsEmpty ? [] : JsonNode.Parse(raw.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject ?? throw new JsonException();
            var changed = false;
            foreach (var (from, to) in body.Rename ?? new Dictionary<string, string>())
            {
                if (json.ContainsKey(from) && !json.ContainsKey(to) && json[from] is var value)
                {
                    json.Remove(from);
                    json[to] = value;
                    changed = true;
                }
            }

            foreach (var field in SdkOnlyFields)
            {
                changed |= !fields.Contains(field) && json.Remove(field);
            }

            if (sessionToken is not null && !json.ContainsKey("session_token") && !json.ContainsKey("session_jwt") && !json.ContainsKey("intermediate_session_token"))
            {
                json["session_token"] = sessionToken;
                changed = true;
            }

            return changed ? Encoding.UTF8.GetBytes(json.ToJsonString()) : raw;
        }
#pragma warning disable CA1031 // Whatever cannot be read or rewritten as an object (not JSON, a repeated key, text that is not UTF-8) goes on as sent: the backend's parser names the fault.
        catch (Exception)
#pragma warning restore CA1031
        {
            return raw;
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Stytch.Fake.Core;

namespace Stytch.Fake.Http.Binding;

/// <summary>
/// Binds a request body to its typed request record: the record is the endpoint's allow-list, its type check and its
/// reader, and this is the one place a member of the wrong JSON kind becomes Stytch's 400 <c>bad_request</c> (with the
/// messages of <see cref="JsonValues"/>), its unknown fields going by the rules of <see cref="BodyFields"/>.
/// <para>
/// How a product declares a request:
/// <list type="number">
/// <item>A positional record, one member per body field, in the order its errors should be met (the first wrong member
/// in that order is the one answered). Members are C#-named; the context's snake_case policy gives their JSON names.
/// Every member accepts null (absent and JSON null both bind to null). A member is one of:
/// <c>string?</c> (<c>x must be a string, not …</c>), <c>int?</c> (<c>… an integer …</c>, or <c>… an integer between
/// -2147483648 and 2147483647.</c> for a whole number out of range), <c>bool?</c> (<c>… true or false …</c>),
/// <c>double?</c> (<c>… a finite number …</c>), <c>string[]?</c> (<c>… an array of strings …</c>), or <c>JsonElement?</c>
/// for a structured value, taken as it is unless marked <see cref="BodyRuleAttribute{TRule}"/>, whose rule checks it
/// here (its errors, its unknown members such as <c>attributes.shoe_size</c>) and whose reader the handler then runs
/// on the bound element (<see cref="AttributesJson"/>, <see cref="ClaimsJson"/>, <see cref="AnyObject"/>).
/// <see cref="BodyRequiredAttribute"/> makes an absent or null member an error of its own, in its place (the catalogue's,
/// or a <c>bad_request</c> with the message it gives).</item>
/// <item>A <c>[JsonSerializable(typeof(TheRequest))]</c> line on the product's <c>JsonSerializerContext</c>, declared with
/// <c>[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode =
/// JsonSourceGenerationMode.Metadata)]</c> (see <see cref="Products.Consumer.EmailOtp.Wire.EmailOtpRequestJson"/>).</item>
/// <item>The endpoint registered with the record's type info instead of a field list:
/// <c>Endpoint.Post("otps.email.send", "/v1/otps/email/send", EmailOtpRequestJson.Default.OtpEmailSendRequest, Send)</c>,
/// its handler taking <c>(ApiCall call, OtpEmailSendRequest request)</c>.</item>
/// </list>
/// </para>
/// <para>
/// What the pipeline does with the body stays as it is: it parses it once (<see cref="JsonBody.Parse"/>) with
/// <see cref="Fields"/> as the allow-list, so top-level unknown fields, path ids repeated in the body, strict projects and
/// back doors follow <see cref="BodyFields"/>, before faults and rate limits. The handler's call to <see cref="Bind"/>
/// then checks each member in declaration order and deserialises the record through its source-generated type info,
/// which cannot fail once every member has its kind.
/// </para>
/// </summary>
internal sealed class RequestBinder<TRequest>
{
    private static readonly Dictionary<Type, Action<JsonElement, string>> Kinds = new()
    {
        [typeof(string)] = (v, path) => JsonValues.String(v, path),
        [typeof(int?)] = (v, path) => JsonValues.Int(v, path),
        [typeof(bool?)] = (v, path) => JsonValues.Bool(v, path),
        [typeof(double?)] = (v, path) => JsonValues.Number(v, path),
        [typeof(string[])] = (v, path) => JsonValues.StringArray(v, path),
        [typeof(JsonElement?)] = (_, _) => { },
    };

    private readonly JsonTypeInfo<TRequest> _type;
    // Read from the record's JSON metadata on first use rather than at start: configuring every request record's
    // metadata at once was most of the fake's own start-up time. A test reads every endpoint's fields, so a record the
    // binder refuses still fails the suite.
    private readonly Lazy<Member[]> _members;

    /// <summary>Will read the members of <paramref name="type"/> on first use; a member of a kind the binder does not know is refused then.</summary>
    public RequestBinder(JsonTypeInfo<TRequest> type)
    {
        _type = type;
        _members = new(() => [.. type.Properties.Select(MemberOf)]);
        Fields = new DeferredSet(() => _members.Value.Select(m => m.Name).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The body's top-level fields: the JSON names of the record's members.</summary>
    public IReadOnlySet<string> Fields { get; }

    /// <summary>Checks <paramref name="body"/>'s members in declaration order, then gives the record they make.</summary>
    public TRequest Bind(JsonBody body)
    {
        foreach (var member in _members.Value)
        {
            if (body.Root.TryGetProperty(member.Name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                member.Check(value, body.Fields);
            }
            else if (member.Required is { } error)
            {
                throw new StytchException(error);
            }
        }

        return body.Root.Deserialize(_type)!;
    }

    private static Member MemberOf(JsonPropertyInfo property)
    {
        var where = $"{typeof(TRequest).Name}.{property.Name}";
        if (!property.IsSetNullable)
        {
            throw new InvalidOperationException($"{where}: a request member must accept null, which is how an absent field binds.");
        }

        if (!Kinds.TryGetValue(property.PropertyType, out var kind))
        {
            throw new InvalidOperationException($"{where}: a request member is string?, int?, bool?, double?, string[]? or JsonElement?, not {property.PropertyType.Name}.");
        }

        var attributes = property.AttributeProvider?.GetCustomAttributes(inherit: true) ?? [];
        var required = attributes.OfType<BodyRequiredAttribute>().SingleOrDefault() is { } r
            ? StytchError.Find(r.ErrorType) is { } error
                ? error with { Message = r.Message ?? error.Message }
                : throw new InvalidOperationException($"{where}: no error has the error_type '{r.ErrorType}'.")
            : null;
        var name = property.Name;
        if (attributes.OfType<BodyRuleAttribute>().SingleOrDefault() is not { } rule)
        {
            return new Member(name, (v, _) => kind(v, name), required);
        }

        return property.PropertyType == typeof(JsonElement?)
            ? new Member(name, (v, fields) => rule.Check(v, name, fields), required)
            : throw new InvalidOperationException($"{where}: only a JsonElement? member takes a body rule.");
    }

    private sealed record Member(string Name, Action<JsonElement, BodyFields> Check, StytchError? Required);
}

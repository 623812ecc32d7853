using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Tests.Binding;

/// <summary>
/// What the binder makes of a request record: members of a kind it cannot check, or that cannot be absent, are refused
/// when its fields are first read (every endpoint's are, by a test below), not met at request time; declared ones bind
/// in declaration order.
/// </summary>
public sealed class RequestBinderTests
{
    private static readonly Dictionary<string, Action> Declarations = new()
    {
        [nameof(NotNullable)] = () => _ = new RequestBinder<NotNullable>(TestRequestJson.Default.NotNullable).Fields.Count,
        [nameof(UnknownKind)] = () => _ = new RequestBinder<UnknownKind>(TestRequestJson.Default.UnknownKind).Fields.Count,
        [nameof(RuleOnString)] = () => _ = new RequestBinder<RuleOnString>(TestRequestJson.Default.RuleOnString).Fields.Count,
        [nameof(UnknownError)] = () => _ = new RequestBinder<UnknownError>(TestRequestJson.Default.UnknownError).Fields.Count,
    };

    [TestCase(nameof(NotNullable), "NotNullable.count: a request member must accept null", TestName = "New_NonNullableMember_IsRefusedNamingIt")]
    [TestCase(nameof(UnknownKind), "UnknownKind.big: a request member is string?", TestName = "New_MemberOfAKindItCannotCheck_IsRefusedNamingIt")]
    [TestCase(nameof(RuleOnString), "RuleOnString.name: only a JsonElement? member takes a body rule.", TestName = "New_RuleOnAStringMember_IsRefusedNamingIt")]
    [TestCase(nameof(UnknownError), "UnknownError.name: no error has the error_type 'no_such_error'.", TestName = "New_RequiredWithAnErrorTypeNotInTheCatalogue_IsRefusedNamingIt")]
    public void New_RecordItCannotBind_IsRefusedNamingTheMember(string record, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Declarations[record]());

        Assert.That(e!.Message, Does.StartWith(message));
    }

    [Test]
    public void Fields_EveryEndpointInTheCatalogue_AreReadableAndNameTheBody()
    {
        var withBodies = ProductCatalog.Endpoints.Where(e => e.BodyFields is not null).ToArray();

        Assert.That(withBodies, Is.Not.Empty);
        Assert.That(withBodies.Select(e => e.BodyFields!.Count), Is.All.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void Fields_Record_AreItsSnakeCaseMemberNames()
    {
        var binder = new RequestBinder<Ordered>(TestRequestJson.Default.Ordered);

        Assert.That(binder.Fields, Is.EquivalentTo(new[] { "first_name", "shoe_size", "anything" }));
    }

    [TestCase("""{"shoe_size":"9","first_name":5}""", "first_name must be a string, not the number 5.", TestName = "Bind_TwoWrongMembers_AnswersTheFirstDeclared")]
    [TestCase("""{"first_name":"Ada","shoe_size":9.5}""", "shoe_size must be an integer, not the number 9.5.", TestName = "Bind_FractionForAnInt_NamesTheMember")]
    [TestCase("""{"shoe_size":4294967296}""", "shoe_size must be an integer between -2147483648 and 2147483647.", TestName = "Bind_WholeNumberPastInt32_SaysTheRange")]
    [TestCase("""{"first_name":"Ada"}""", "invalid_code", TestName = "Bind_RequiredMemberAbsent_AnswersItsError")]
    [TestCase("""{"first_name":"Ada","shoe_size":null}""", "invalid_code", TestName = "Bind_RequiredMemberNull_AnswersItsError")]
    public void Bind_Body_AnswersTheError(string json, string expected)
    {
        var binder = new RequestBinder<Ordered>(TestRequestJson.Default.Ordered);
        using var body = JsonBody.Parse(Encoding.UTF8.GetBytes(json), binder.Fields, FieldPolicy.StrictProject);

        var e = Assert.Throws<StytchException>(() => binder.Bind(body));

        Assert.That(e!.Error.ErrorType == "bad_request" ? e.Error.Message : e.Error.ErrorType, Is.EqualTo(expected));
    }

    [Test]
    public void Bind_RequiredMemberWithItsOwnMessageAbsent_AnswersBadRequestWithIt()
    {
        var binder = new RequestBinder<OwnMessage>(TestRequestJson.Default.OwnMessage);
        using var body = JsonBody.Parse("{}"u8.ToArray(), binder.Fields, FieldPolicy.BackDoor);

        var e = Assert.Throws<StytchException>(() => binder.Bind(body));

        Assert.That((e!.Error.ErrorType, e.Error.StatusCode, e.Error.Message), Is.EqualTo(("bad_request", 400, "when is required: a time.")));
    }

    [Test]
    public void Bind_ValidBody_GivesTheRecord()
    {
        var binder = new RequestBinder<Ordered>(TestRequestJson.Default.Ordered);
        using var body = JsonBody.Parse("""{"anything":[1,{"a":null}],"shoe_size":9,"first_name":null}"""u8.ToArray(), binder.Fields, FieldPolicy.StrictProject);

        var request = binder.Bind(body);

        Assert.That(request.FirstName, Is.Null);
        Assert.That(request.ShoeSize, Is.EqualTo(9));
        Assert.That(request.Anything?.GetRawText(), Is.EqualTo("""[1,{"a":null}]"""));
    }
}

internal sealed record NotNullable(string? Name, int Count);

internal sealed record UnknownKind(string? Name, long? Big);

internal sealed record RuleOnString([property: BodyRule<AnyObject>] string? Name);

internal sealed record UnknownError([property: BodyRequired("no_such_error")] string? Name);

internal sealed record OwnMessage([property: BodyRequired("bad_request", Message = "when is required: a time.")] string? When);

internal sealed record Ordered(string? FirstName, [property: BodyRequired("invalid_code")] int? ShoeSize, JsonElement? Anything);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(NotNullable))]
[JsonSerializable(typeof(UnknownKind))]
[JsonSerializable(typeof(RuleOnString))]
[JsonSerializable(typeof(UnknownError))]
[JsonSerializable(typeof(Ordered))]
[JsonSerializable(typeof(OwnMessage))]
internal sealed partial class TestRequestJson : JsonSerializerContext;

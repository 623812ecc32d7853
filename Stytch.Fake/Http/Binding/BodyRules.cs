using System.Text.Json;

namespace Stytch.Fake.Http.Binding;

/// <summary>
/// The rules of a structured request value (<c>attributes</c>, <c>options</c>, <c>session_custom_claims</c>…): how the
/// <see cref="RequestBinder{TRequest}"/> checks a <c>JsonElement?</c> member marked <see cref="BodyRuleAttribute{TRule}"/>.
/// A rule is usually its value's reader run for its errors and unknown members alone: the handler reads the bound element
/// with the same reader afterwards, giving no <see cref="BodyFields"/>, so nothing is listed twice.
/// </summary>
internal interface IBodyRule
{
    /// <summary>
    /// Checks <paramref name="value"/> (never JSON null), the member named <paramref name="path"/>: throws the
    /// <see cref="StytchException"/> it answers with, and gives its unknown members to <paramref name="fields"/>.
    /// </summary>
    static abstract void Check(JsonElement value, string path, BodyFields fields);
}

/// <summary>A <c>JsonElement?</c> member of a request record whose value has its own rules; see <see cref="BodyRuleAttribute{TRule}"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal abstract class BodyRuleAttribute : Attribute
{
    /// <summary>Runs the rule on a member's non-null value.</summary>
    public abstract void Check(JsonElement value, string path, BodyFields fields);
}

/// <summary>
/// Checks a <c>JsonElement?</c> member by <typeparamref name="TRule"/> when the body is bound, in the member's place among
/// the others, so its errors come in the order the record declares.
/// </summary>
internal sealed class BodyRuleAttribute<TRule> : BodyRuleAttribute
    where TRule : IBodyRule
{
    public override void Check(JsonElement value, string path, BodyFields fields) => TRule.Check(value, path, fields);
}

/// <summary>
/// A member a request cannot go without: when it is absent or JSON null, binding stops at it (in its place among the
/// members) with the catalogue's error whose <c>error_type</c> is <see cref="ErrorType"/>, such as <c>invalid_method_id</c>,
/// with <see cref="Message"/> instead of the catalogue's message when one is given.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class BodyRequiredAttribute(string errorType) : Attribute
{
    public string ErrorType { get; } = errorType;

    /// <summary>The message to answer with, for an error such as <c>bad_request</c> whose catalogue message says nothing of the member.</summary>
    public string? Message { get; init; }
}

/// <summary>A member that must be a JSON object, of any content the handler keeps as it is (metadata).</summary>
internal sealed class AnyObject : IBodyRule
{
    public static void Check(JsonElement value, string path, BodyFields fields) => JsonValues.Object(value, path);
}

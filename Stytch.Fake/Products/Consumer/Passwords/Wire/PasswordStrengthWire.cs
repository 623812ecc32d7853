using System.Text.Json;
using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Consumer.Passwords.Wire;

/// <summary>The strength check's feedback, in the consumer shape and the B2B one.</summary>
internal static class PasswordStrengthWire
{
    /// <summary>
    /// The consumer <c>feedback</c> (the spec's <c>api_password_v1_Feedback</c>): zxcvbn's <c>warning</c> and
    /// <c>suggestions</c>, and <c>luds_requirements</c> for a LUDS project (null otherwise, as Stytch's docs show).
    /// </summary>
    public static void WriteFeedback(Utf8JsonWriter w, PasswordStrengthReport report)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        w.WriteStartObject("feedback");
        w.WriteString("warning", report.Warning);
        w.WriteStartArray("suggestions");
        foreach (var suggestion in report.Suggestions)
        {
            w.WriteStringValue(suggestion);
        }

        w.WriteEndArray();
        if (report.Luds is { } luds)
        {
            WriteLuds(w, "luds_requirements", luds);
        }
        else
        {
            w.WriteNull("luds_requirements");
        }

        w.WriteEndObject();
    }

    /// <summary>A LUDS findings object (<c>luds_requirements</c>, or B2B's <c>luds_feedback</c>).</summary>
    public static void WriteLuds(Utf8JsonWriter w, string name, LudsResult luds)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(luds);
        w.WriteStartObject(name);
        w.WriteBoolean("has_lower_case", luds.HasLowerCase);
        w.WriteBoolean("has_upper_case", luds.HasUpperCase);
        w.WriteBoolean("has_digit", luds.HasDigit);
        w.WriteBoolean("has_symbol", luds.HasSymbol);
        w.WriteNumber("missing_complexity", luds.MissingComplexity);
        w.WriteNumber("missing_characters", luds.MissingCharacters);
        w.WriteEndObject();
    }
}

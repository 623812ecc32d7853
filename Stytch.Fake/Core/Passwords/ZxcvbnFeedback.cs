using Zxcvbn.Matcher;

namespace Stytch.Fake.Core;

/// <summary>
/// zxcvbn's verbal feedback (a warning and suggestions) for a weak password, which Stytch's strength check passes on.
/// The zxcvbn-core package scores passwords but predates zxcvbn's feedback, so this derives it from the package's match
/// sequence by the rules of zxcvbn's feedback module: nothing for a score of 3 or more, else the warning of the longest
/// matched pattern, a general suggestion first and the pattern's own after it. The strings are zxcvbn's.
/// </summary>
internal static class ZxcvbnFeedback
{
    private const string AddWord = "Add another word or two. Uncommon words are better.";

    /// <summary>The warning (empty if none) and suggestions for <paramref name="password"/>, given its zxcvbn result.</summary>
    public static (string Warning, IReadOnlyList<string> Suggestions) For(string password, Zxcvbn.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (string.IsNullOrEmpty(password))
        {
            return ("", ["Use a few words, avoid common phrases", "No need for symbols, digits, or uppercase letters"]);
        }

        if (result.Score >= PasswordStrength.ValidScore)
        {
            return ("", []);
        }

        var sequence = result.MatchSequence ?? [];
        var longest = sequence.Where(m => m.Pattern != "bruteforce").MaxBy(m => m.Token?.Length ?? 0);
        if (longest is null)
        {
            return ("", [AddWord]);
        }

        var suggestions = new List<string> { AddWord };
        var warning = longest switch
        {
            DictionaryMatch word => Dictionary(word, sequence.Count == 1, suggestions),
            SpatialMatch keys => Spatial(keys, suggestions),
            RepeatMatch => Add(suggestions, "Avoid repeated words and characters", "Repeats like \"aaa\" are easy to guess"),
            SequenceMatch => Add(suggestions, "Avoid sequences", "Sequences like abc or 6543 are easy to guess"),
            DateMatch => Add(suggestions, "Avoid dates and years that are associated with you", "Dates are often easy to guess"),
            { Pattern: "year" } => Years(suggestions),
            _ => "",
        };
        return (warning, suggestions);
    }

    private static string Dictionary(DictionaryMatch match, bool soleMatch, List<string> suggestions)
    {
        var warning = match.DictionaryName switch
        {
            "passwords" when soleMatch && match is not L33tDictionaryMatch => match.Rank switch
            {
                <= 10 => "This is a top-10 common password",
                <= 100 => "This is a top-100 common password",
                _ => "This is a very common password",
            },
            "passwords" => "This is similar to a commonly used password",
            "english" or "us_tv_and_film" when soleMatch => "A word by itself is easy to guess",
            "surnames" or "male_names" or "female_names" => soleMatch
                ? "Names and surnames by themselves are easy to guess"
                : "Common names and surnames are easy to guess",
            _ => "",
        };

        var token = match.Token ?? "";
        if (token.Length > 1 && char.IsUpper(token[0]) && token.Skip(1).All(c => !char.IsUpper(c)))
        {
            suggestions.Add("Capitalization doesn't help very much");
        }
        else if (token.Length > 1 && token.Any(char.IsLetter) && token.Where(char.IsLetter).All(char.IsUpper))
        {
            suggestions.Add("All-uppercase is almost as easy to guess as all-lowercase");
        }

        if (match is L33tDictionaryMatch)
        {
            suggestions.Add("Predictable substitutions like '@' instead of 'a' don't help very much");
        }

        return warning;
    }

    private static string Spatial(SpatialMatch match, List<string> suggestions)
    {
        suggestions.Add("Use a longer keyboard pattern with more turns");
        return match.Turns == 1 ? "Straight rows of keys are easy to guess" : "Short keyboard patterns are easy to guess";
    }

    private static string Years(List<string> suggestions)
    {
        suggestions.Add("Avoid recent years");
        suggestions.Add("Avoid years that are associated with you");
        return "Recent years are easy to guess";
    }

    private static string Add(List<string> suggestions, string suggestion, string warning)
    {
        suggestions.Add(suggestion);
        return warning;
    }
}

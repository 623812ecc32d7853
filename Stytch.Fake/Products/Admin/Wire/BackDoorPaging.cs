using System.Globalization;
using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// Paging of the back doors that list state (projects, users, organizations, sessions): <c>?limit=</c> (1 to 1,000,
/// 100 by default) and <c>?cursor=</c>, the <c>next_cursor</c> of the page before. A page answers <c>total</c> and
/// <c>next_cursor</c> (null on the last page), so one read costs its page whatever a project holds.
/// </summary>
internal static class BackDoorPaging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The page a call asks for, or Stytch's 400 <c>bad_request</c> naming what is wrong.</summary>
    public static (int Offset, int Limit) Of(ApiCall call)
    {
        var limit = call.Query("limit") switch
        {
            null => DefaultLimit,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxLimit => n,
            _ => throw Validate.BadRequest($"limit must be a whole number from 1 to {MaxLimit}."),
        };
        var offset = call.Query("cursor") switch
        {
            null or "" => 0,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => throw Validate.BadRequest("cursor is not one this back door gave out: pass the next_cursor of the page before."),
        };
        return (offset, limit);
    }

    /// <summary><c>"total":N,"next_cursor":"…"</c>, or <c>null</c> as the cursor of the last page.</summary>
    public static void WriteCursor<T>(Utf8JsonWriter w, Page<T> page) => WriteCursor(w, page.Total, page.NextOffset);

    public static void WriteCursor(Utf8JsonWriter w, int total, int? nextOffset)
    {
        w.WriteNumber("total", total);
        if (nextOffset is { } next)
        {
            w.WriteString("next_cursor", next.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("next_cursor");
        }
    }
}

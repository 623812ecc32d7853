using System.Globalization;
using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// The clock back doors: read, advance and set a project's clock. Moving it fires the timers of an application that
/// was handed the clock; a callback that throws does not undo the move, so the answer is 200 with the clock as it now
/// stands and the callbacks' errors in <c>timer_errors</c> (a 500 would say the move failed when it did not).
/// </summary>
internal static class ClockEndpoints
{
    /// <summary>
    /// The times a project clock can be set or advanced to over the wire. Sessions run up to a year past the
    /// clock and signing certificates ten years, so a clock near year 9999 would overflow later on every call.
    /// </summary>
    internal static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc cref="Earliest"/>
    internal static readonly DateTimeOffset Latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Clock = AdminEndpoints.Project + "/clock";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.clock.get", Clock, Get, Access.Admin),
        Endpoint.Post("admin.clock.advance", Clock + "/advance", AdminRequestJson.Default.ClockAdvanceRequest, Advance, Access.Admin),
        Endpoint.Post("admin.clock.set", Clock + "/set", AdminRequestJson.Default.ClockSetRequest, Set, Access.Admin),
    ];

    /// <summary>
    /// <c>timer_errors</c>: what the timer callbacks fired by a clock move threw, in the order they fired, each as
    /// <c>{type, message}</c>; empty when none threw.
    /// </summary>
    public static void WriteTimerErrors(Utf8JsonWriter w, IReadOnlyList<Exception> errors)
    {
        w.WritePropertyName("timer_errors");
        w.WriteStartArray();
        foreach (var error in errors)
        {
            w.WriteStartObject();
            w.WriteString("type", error.GetType().FullName);
            w.WriteString("message", error.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static ApiResponse Get(ApiCall call) => Response(call.Project.Clock, null);

    private static ApiResponse Advance(ApiCall call, ClockAdvanceRequest request)
    {
        // [BodyRequired]: never null once bound.
        var seconds = request.Seconds!.Value;
        if (seconds < 0)
        {
            throw Validate.BadRequest($"seconds must be ≥ 0 (got {seconds.ToString(CultureInfo.InvariantCulture)}): the clock only moves forward; use clock/set to go back.");
        }

        var room = (Latest - call.Project.Clock.Now).TotalSeconds;
        if (seconds > room)
        {
            throw Validate.BadRequest(string.Create(CultureInfo.InvariantCulture,
                $"seconds must be at most {Math.Floor(room)}: the clock cannot pass {Latest:yyyy-MM-dd}."));
        }

        var errors = call.Project.Clock.AdvanceCollectingErrors(TimeSpan.FromSeconds(seconds));
        return Response(call.Project.Clock, errors);
    }

    private static ApiResponse Set(ApiCall call, ClockSetRequest request)
    {
        // [BodyRequired]: never null once bound.
        var text = request.Now!;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now))
        {
            throw Validate.BadRequest($"now '{text}' is not a time: send ISO 8601, such as 2030-01-01T00:00:00Z.");
        }

        if (now < Earliest || now >= Latest)
        {
            throw Validate.BadRequest($"now must be from {Earliest:yyyy-MM-dd} up to (not including) {Latest:yyyy-MM-dd}.");
        }

        var errors = call.Project.Clock.SetCollectingErrors(now);
        return Response(call.Project.Clock, errors);
    }

    /// <summary><c>{now, offset_seconds}</c>, and <c>timer_errors</c> after a move.</summary>
    private static ApiResponse Response(StytchClock clock, IReadOnlyList<Exception>? errors) => ApiResponse.Plain(200, w =>
    {
        w.WriteString("now", clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteNumber("offset_seconds", clock.Offset.TotalSeconds);
        if (errors is not null)
        {
            WriteTimerErrors(w, errors);
        }
    });
}

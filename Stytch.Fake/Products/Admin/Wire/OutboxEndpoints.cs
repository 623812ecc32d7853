using System.Globalization;
using Stytch.Fake.Core;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// The outbox back doors: read the messages a project sent (all, or filtered by recipient and kind), wait for the next
/// one (a long poll), and clear them.
/// </summary>
internal static class OutboxEndpoints
{
    /// <summary>How long a wait lasts when <c>timeout_ms</c> is not given.</summary>
    internal const int DefaultWaitMs = 30_000;

    /// <summary>The longest wait: a larger <c>timeout_ms</c> is cut to this, so no call outlives an HTTP client's own timeout by much.</summary>
    internal const int MaxWaitMs = 120_000;

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.outbox.list", AdminEndpoints.Project + "/outbox", List, Access.Admin),
        Endpoint.GetAsync("admin.outbox.wait", AdminEndpoints.Project + "/outbox/wait", WaitAsync, Access.Admin),
        Endpoint.Delete("admin.outbox.clear", AdminEndpoints.Project + "/outbox", Clear, Access.Admin),
    ];

    private static ApiResponse List(ApiCall call)
    {
        var filter = OutboxFilter.Of(call, recipientRequired: false);
        return Messages(call.Project.Outbox.Where(filter.Match));
    }

    private static async ValueTask<ApiResponse> WaitAsync(ApiCall call)
    {
        // Everything is checked before the wait starts, so a bad call answers at once.
        var filter = OutboxFilter.Of(call, recipientRequired: true);
        var timeoutMs = TimeoutOf(call.Query("timeout_ms"));
        try
        {
            var message = await call.Project.Outbox
                .WaitAsync(filter.Match, filter.Describe, TimeSpan.FromMilliseconds(timeoutMs), call.Request.Aborted)
                .ConfigureAwait(false);
            return ApiResponse.Plain(200, w =>
            {
                w.WritePropertyName("message");
                System.Text.Json.JsonSerializer.Serialize(w, WireOutboxMessage.From(message), WireJsonContext.Default.WireOutboxMessage);
            });
        }
        catch (TimeoutException)
        {
            throw new StytchException(StytchError.OutboxWaitTimeout with
            {
                Message = $"No message {filter.Describe} arrived in the outbox within timeout_ms ({timeoutMs.ToString(CultureInfo.InvariantCulture)} ms).",
            });
        }
        catch (OperationCanceledException) when (call.Request.Aborted.IsCancellationRequested)
        {
            // The waiter is gone with the client; this answer only reaches the request log.
            throw new StytchException(StytchError.ClientClosedRequest);
        }
    }

    private static ApiResponse Clear(ApiCall call)
    {
        call.Project.Outbox.Clear();
        return ApiResponse.Plain(200, w => w.WriteNumber("messages", 0));
    }

    private static ApiResponse Messages(IEnumerable<OutboxMessage> messages) => ApiResponse.Plain(200, w =>
        WireJson.WriteArray(w, "messages", messages.Select(WireOutboxMessage.From), WireJsonContext.Default.WireOutboxMessage));

    /// <summary><c>timeout_ms</c>: a whole number of milliseconds from 1, <see cref="DefaultWaitMs"/> when absent, cut to <see cref="MaxWaitMs"/>.</summary>
    internal static int TimeoutOf(string? value)
    {
        if (value is null)
        {
            return DefaultWaitMs;
        }

        if (value.Length > 0 && value.All(char.IsAsciiDigit) && !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return MaxWaitMs;   // too many digits for a long: far over the cap
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms < 1)
        {
            throw Validate.BadRequest($"timeout_ms must be a whole number of milliseconds from 1 (at most {MaxWaitMs.ToString(CultureInfo.InvariantCulture)} is used), not '{Validate.Clip(value)}'.");
        }

        return (int)Math.Min(ms, MaxWaitMs);
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stytch.Fake.Core;

namespace Stytch.Fake.Http;

/// <summary>
/// Kestrel refuses a request it cannot parse (a NUL in the path, a request line or headers too long) before any
/// middleware runs, with a bodiless 4xx. This puts the Stytch envelope in that answer's place: Kestrel logs each
/// such refusal with its connection id just before it writes the answer, and a wrapper around that connection's
/// output swaps what Kestrel writes next for the envelope, with the same status.
/// </summary>
/// <remarks>
/// Each envelope is rendered and recorded by <c>refuse</c>; Kestrel has parsed no request by then (or keeps it to
/// itself), so it goes without method, path or credentials.
/// </remarks>
internal sealed class KestrelRejections(Func<StytchError, ApiResponse> refuse)
{
    private const string Category = "Microsoft.AspNetCore.Server.Kestrel.BadRequests";
    private readonly ConcurrentDictionary<string, int> _pending = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Registers the log hook and the connection wrapper; must run before WireMock adds its endpoints.</summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(new LogHook(this));
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(LogHook).FullName, Category, LogLevel.Debug, null)));
        services.Configure<KestrelServerOptions>(o => o.ConfigureEndpointDefaults(listen => listen.Use(next => connection => RunAsync(connection, next))));
    }

    /// <summary>Forgets a refusal Kestrel logged for a request the fake itself answers (a body that could not be read).</summary>
    public void Handled(string connectionId)
    {
        if (_pending.TryRemove(connectionId, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private int? Take(string connectionId)
    {
        if (Volatile.Read(ref _count) == 0 || !_pending.TryRemove(connectionId, out var status))
        {
            return null;
        }

        Interlocked.Decrement(ref _count);
        return status;
    }

    private async Task RunAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var transport = connection.Transport;
        connection.Transport = new Pipe(transport.Input, new Writer(transport.Output, () => Take(connection.ConnectionId), Envelope));
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            connection.Transport = transport;
            Handled(connection.ConnectionId);
        }
    }

    /// <summary>The envelope that replaces Kestrel's answer: status line, headers and body; recorded as it goes.</summary>
    private byte[] Envelope(int status)
    {
        var message = status switch
        {
            414 => "The request line is too long.",
            431 => "The request headers are too large.",
            408 => "The request headers arrived too slowly.",
            _ => "The request could not be parsed as HTTP: a malformed request line, path or header.",
        };
        var response = refuse(StytchError.BadRequest with { StatusCode = status, Message = message });
        var body = response.Body;
        var head = $"HTTP/1.1 {status} {ReasonPhrases.GetReasonPhrase(status)}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    /// <summary>Kestrel's log of the requests it refuses, read for the connection id and status.</summary>
    private sealed class LogHook(KestrelRejections owner) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == Category ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is Microsoft.AspNetCore.Http.BadHttpRequestException bad
                && state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "ConnectionId").Value is string connectionId
                && owner._pending.TryAdd(connectionId, bad.StatusCode))
            {
                Interlocked.Increment(ref owner._count);
            }
        }
    }

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>
    /// Passes every write through until Kestrel has logged a refusal for the connection; from then on, what Kestrel
    /// writes (its bodiless answer, the connection's last) goes to a scratch buffer and the envelope goes out instead.
    /// </summary>
    private sealed class Writer(PipeWriter inner, Func<int?> take, Func<int, byte[]> envelope) : PipeWriter
    {
        private byte[]? _scratch;
        private int _status;
        private bool _sent;

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override Memory<byte> GetMemory(int sizeHint = 0) => Replacing(sizeHint) ? _scratch : inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => Replacing(sizeHint) ? _scratch : inner.GetSpan(sizeHint);

        public override void Advance(int bytes)
        {
            if (_scratch is null)
            {
                inner.Advance(bytes);
            }
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            SendOnce();
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            SendOnce();
            inner.Complete(exception);
        }

        public override ValueTask CompleteAsync(Exception? exception = null)
        {
            SendOnce();
            return inner.CompleteAsync(exception);
        }

        private bool Replacing(int sizeHint)
        {
            if (_scratch is null && take() is { } status)
            {
                _status = status;
                _scratch = [];
            }

            if (_scratch is not null && _scratch.Length < Math.Max(sizeHint, 4096))
            {
                _scratch = new byte[Math.Max(sizeHint, 4096)];
            }

            return _scratch is not null;
        }

        private void SendOnce()
        {
            if (_scratch is not null && !_sent)
            {
                _sent = true;
                inner.Write(envelope(_status));
            }
        }
    }
}

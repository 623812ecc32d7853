using System.Security.Cryptography;

namespace Stytch.Fake.Tokens;

/// <summary>Why a key is wanted: a project's first key is never refused and goes first; a rotation may be refused.</summary>
internal enum KeyDemand
{
    FirstKey,
    Rotation,
}

/// <summary>
/// Makes every 2048-bit RSA key the fake needs, on its own background threads, and keeps a few ready.
/// Generating one costs from tens of milliseconds to more than a second of CPU. Made on request threads,
/// a burst of key rotations or of new projects' first JWTs would take every core and slow every other
/// project's calls; here at most <see cref="Workers"/> threads (half the cores, at least one) ever generate,
/// requests wait for their key without holding a thread, and the rest of the machine keeps serving.
/// <list type="bullet">
/// <item>A project's first key (its first JWT or JWKS) is never refused and is served before any rotation.</item>
/// <item>Rotations wait in line; when <see cref="MaxWaitingRotations"/> are already waiting the next one is refused
/// with 429 <c>too_many_key_rotations</c>, so a flood cannot queue minutes of work.</item>
/// </list>
/// </summary>
internal sealed class RsaKeyGenerator : IDisposable
{
    /// <summary>Keys kept ready once keys have been asked for at all, so a single rotation or first JWT does not wait.</summary>
    public const int DefaultReadyTarget = 2;

    /// <summary>Rotations allowed to wait at once, process-wide, before more are refused with 429.</summary>
    public const int DefaultMaxWaitingRotations = 64;

    private readonly Lock _gate = new();
    private readonly Queue<RSA> _ready = new();
    private readonly Queue<TaskCompletionSource<RSA>> _firstKeys = new();
    private readonly Queue<TaskCompletionSource<RSA>> _rotations = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Func<RSA> _create;
    private readonly int _readyTarget;
    private bool _started;
    private bool _stopped;
    private bool _demanded;
    private int _idle;
    private int _inFlight;

    public RsaKeyGenerator(int workers, int readyTarget, int maxWaitingRotations, Func<RSA>? create = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Workers = workers;
        _readyTarget = readyTarget;
        MaxWaitingRotations = maxWaitingRotations;
        _create = create ?? (() => RSA.Create(2048));
    }

    /// <summary>The one generator every fake in the process shares: the CPU bound holds however many servers run.</summary>
    public static RsaKeyGenerator Shared { get; } =
        new(Math.Max(1, Environment.ProcessorCount / 2), DefaultReadyTarget, DefaultMaxWaitingRotations);

    public int Workers { get; }

    public int MaxWaitingRotations { get; }

    /// <summary>Requests waiting for a key now (first keys and rotations).</summary>
    public int Waiting
    {
        get { lock (_gate) { return _firstKeys.Count + _rotations.Count; } }
    }

    /// <summary>A fresh key: a ready one at once, else the next one made.</summary>
    /// <exception cref="StytchException">A rotation while <see cref="MaxWaitingRotations"/> already wait (<c>too_many_key_rotations</c>).</exception>
    public Task<RSA> TakeAsync(KeyDemand demand)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            _demanded = true;
            StartWorkers();
            if (_ready.TryDequeue(out var ready))
            {
                WakeOne();
                return Task.FromResult(ready);
            }

            var line = demand == KeyDemand.FirstKey ? _firstKeys : _rotations;
            if (demand == KeyDemand.Rotation && _rotations.Count >= MaxWaitingRotations)
            {
                throw new StytchException(LimitErrors.TooManyKeyRotations(MaxWaitingRotations));
            }

            var waiter = new TaskCompletionSource<RSA>(TaskCreationOptions.RunContinuationsAsynchronously);
            line.Enqueue(waiter);
            WakeOne();
            return waiter.Task;
        }
    }

    /// <summary>Stops the workers once idle (the shared generator lives as long as the process).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _wake.Release(Workers);
        }
    }

    private void StartWorkers()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        for (var i = 0; i < Workers; i++)
        {
            // Own threads, not the thread pool's: a key in the making never holds a request thread. Normal priority:
            // below it, a machine whose cores are busy (a loaded CI runner) starves the generator, and a project's first
            // JWT waited there longer than a client's 10-second timeout.
            new Thread(Work) { IsBackground = true, Name = "Stytch.Fake RSA keys" }.Start();
        }
    }

    private void WakeOne()
    {
        if (_idle > 0)
        {
            _idle--;
            _wake.Release();
        }
    }

    /// <summary>Keys still owed (waiters, plus the ready pool's shortfall) that no worker is making yet.</summary>
    private bool ClaimWork()
    {
        var owed = _firstKeys.Count + _rotations.Count + (_demanded ? Math.Max(0, _readyTarget - _ready.Count) : 0);
        if (owed <= _inFlight)
        {
            return false;
        }

        _inFlight++;
        return true;
    }

    private void Work()
    {
        while (true)
        {
            bool claimed;
            lock (_gate)
            {
                if (_stopped)
                {
                    return;
                }

                claimed = ClaimWork();
                if (!claimed)
                {
                    _idle++;
                }
            }

            if (!claimed)
            {
                _wake.Wait();
                continue;
            }

            RSA? rsa = null;
            Exception? failure = null;
            try
            {
                rsa = _create();
                // OpenSSL makes the key pair lazily, on its first use: use it here, or the cost lands on the request
                // thread that signs the certificate.
                _ = rsa.ExportParameters(includePrivateParameters: false);
            }
#pragma warning disable CA1031 // A failed generation fails the request waiting for it, never the process.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }

            TaskCompletionSource<RSA>? waiter;
            lock (_gate)
            {
                _inFlight--;
                if (!_firstKeys.TryDequeue(out waiter) && !_rotations.TryDequeue(out waiter) && rsa is not null)
                {
                    _ready.Enqueue(rsa);
                }
            }

            if (waiter is not null)
            {
                if (rsa is not null)
                {
                    waiter.SetResult(rsa);
                }
                else
                {
                    waiter.SetException(failure!);
                }
            }
        }
    }
}

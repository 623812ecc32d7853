using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine;

/// <summary>The batched cryptographic random source behind ids, codes and tokens.</summary>
public sealed class BufferedSecureRandomTests
{
    [Test]
    public void Fill_ManySmallReads_NeverRepeatAWholeRead()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 10_000; i++)
        {
            BufferedSecureRandom.Fill(bytes);
            Assert.That(seen.Add(Convert.ToHexString(bytes)), Is.True, $"read {i} repeated an earlier one");
        }
    }

    [Test]
    public void Fill_ReadLargerThanTheBatch_IsFilledWhole()
    {
        var bytes = new byte[4096];

        BufferedSecureRandom.Fill(bytes);

        Assert.That(bytes.Count(b => b == 0), Is.LessThan(64), "a fully random 4 KB block has about 16 zero bytes");
    }

    [Test]
    public void GetInt32_EveryValue_IsInRangeAndAllAppear()
    {
        var counts = new int[10];
        for (var i = 0; i < 20_000; i++)
        {
            var value = BufferedSecureRandom.GetInt32(10);
            Assert.That(value, Is.InRange(0, 9));
            counts[value]++;
        }

        // 2,000 expected each; a fair source is far inside these bounds.
        Assert.That(counts, Is.All.InRange(1_700, 2_300));
    }

    [Test]
    public void Fill_ThreadsReadingAtOnce_GetDistinctBytes()
    {
        var reads = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            var bytes = new byte[16];
            for (var i = 0; i < 2_000; i++)
            {
                BufferedSecureRandom.Fill(bytes);
                reads.Add(Convert.ToHexString(bytes));
            }
        });

        Assert.That(reads.Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(reads.Count));
    }

    [Test]
    public void IdFactory_Seeded_StillReplaysTheSameIds()
    {
        var first = new IdFactory(live: false, seed: 7);
        var second = new IdFactory(live: false, seed: 7);

        Assert.That(Enumerable.Range(0, 5).Select(_ => first.New("user")), Is.EqualTo(Enumerable.Range(0, 5).Select(_ => second.New("user"))));
        Assert.That(first.NewCode(), Is.EqualTo(second.NewCode()));
    }
}

using System.Runtime.CompilerServices;

namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>
/// The read-only weights of a loaded model, laid out for scoring: an open-addressing hash table (linear probing,
/// at most 40 % full) whose slots hold the 64-bit feature key and its 16-bit quantised weights side by side, so a
/// lookup costs one memory access where a Dictionary of float arrays costs three. Key 0 marks an empty slot; the
/// one feature whose hash is 0, if any, is dropped (its weight is lost, nothing else changes).
/// </summary>
internal sealed class WeightTable
{
    public const int Width = 8; // NerTags.Count rounded up: a slot is 8 + 16 bytes

    [InlineArray(Width)]
    private struct Weights
    {
        private short element;
    }

    private struct Slot
    {
        public ulong Key;
        public Weights Weights;
    }

    private readonly Slot[] slots;
    private readonly int shift;
    private readonly float scale;

    public int Count { get; private set; }

    /// <param name="scale">The value of one quantisation step.</param>
    /// <param name="count">How many features will be added.</param>
    public WeightTable(float scale, int count)
    {
        var bits = 4;
        while ((1L << bits) * 2 < count * 5L) bits++;
        slots = new Slot[1 << bits];
        shift = 64 - bits;
        this.scale = scale;
    }

    /// <summary>Adds a feature's quantised weights (one per class, at most <see cref="Width"/>).</summary>
    public void Add(ulong key, ReadOnlySpan<short> weights)
    {
        if (key == 0) return;
        var i = Home(key);
        var mask = slots.Length - 1;
        while (slots[i].Key != 0 && slots[i].Key != key) i = (i + 1) & mask;
        if (slots[i].Key == 0) Count++;
        slots[i].Key = key;
        weights.CopyTo(slots[i].Weights);
    }

    /// <summary>Sets scores (one per class) to the sum of the weights of the given features.</summary>
    public unsafe void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        Span<int> sums = stackalloc int[Width];
        var slots = this.slots;
        var mask = slots.Length - 1;
        // The table is larger than the caches: ask for every feature's slot first, so the loads overlap.
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            fixed (Slot* first = slots)
                foreach (var f in features) System.Runtime.Intrinsics.X86.Sse.Prefetch0(first + Home(f));
        foreach (var f in features)
        {
            if (f == 0) continue;
            var i = Home(f);
            while (true)
            {
                ref var slot = ref slots[i];
                if (slot.Key == f)
                {
                    ReadOnlySpan<short> w = slot.Weights;
                    for (var c = 0; c < Width; c++) sums[c] += w[c];
                    break;
                }
                if (slot.Key == 0) break;
                i = (i + 1) & mask;
            }
        }
        for (var c = 0; c < scores.Length; c++) scores[c] = sums[c] * scale;
    }

    // Fibonacci hashing: the top bits of key × 2^64/φ.
    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
}

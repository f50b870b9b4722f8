namespace Magnesia.Foods;

public sealed partial class FoodSearchIndex
{
    /// <summary>
    /// Per-search scratch space, pooled: a generation stamp marks which documents a search has touched, and each touched
    /// document gets a slot for its per-word costs. Slots grow with the documents a search touches rather than with the
    /// corpus, so a short-lived search process does not allocate per-word arrays for every food.
    /// </summary>
    private sealed class Scratch
    {
        private const int InitialSlots = 1024;

        public Scratch(int capacity)
        {
            Capacity = capacity;
            Stamp = new int[capacity];
            Slot = new int[capacity];
            Touched = new int[InitialSlots];
            Matched = new byte[InitialSlots];
            Branded = new bool[InitialSlots];
            Classes = new byte[InitialSlots * MaxQueryWords];
            Costs = new float[InitialSlots * MaxQueryWords];
        }

        public int Capacity { get; }
        public int[] Stamp { get; }

        /// <summary>Document → its slot in this generation (valid when its stamp is current).</summary>
        public int[] Slot { get; }

        /// <summary>Slot → document.</summary>
        public int[] Touched { get; private set; }

        /// <summary>Slot → whether its document is a branded product (added by the second phase).</summary>
        public bool[] Branded { get; private set; }

        /// <summary>Whether this generation has accumulated the branded products' postings too.</summary>
        public bool BrandedDone { get; set; }

        /// <summary>Whether that reading brought in only the products whose brand the query names.</summary>
        public bool BrandedOnlyNamed { get; set; }

        /// <summary>Slot → bit per query word matched.</summary>
        public byte[] Matched { get; private set; }

        /// <summary>Slot × query word → position class of the match.</summary>
        public byte[] Classes { get; private set; }

        /// <summary>Slot × query word → cost of the match.</summary>
        public float[] Costs { get; private set; }

        public int Generation { get; private set; }
        public int TouchedCount { get; private set; }

        public void NextGeneration()
        {
            Generation++;
            TouchedCount = 0;
            BrandedDone = false;
            BrandedOnlyNamed = false;
        }

        /// <summary>Gives <paramref name="doc"/> the next slot (growing the slot arrays when full); returns the slot.</summary>
        public int Add(int doc, bool branded)
        {
            if (TouchedCount == Touched.Length)
            {
                var size = Math.Min(Capacity, Touched.Length * 2);
                Touched = Grow(Touched, size);
                Matched = Grow(Matched, size);
                Branded = Grow(Branded, size);
                Classes = Grow(Classes, size * MaxQueryWords);
                Costs = Grow(Costs, size * MaxQueryWords);
            }

            var slot = TouchedCount++;
            Touched[slot] = doc;
            Matched[slot] = 0;
            Branded[slot] = branded;
            Slot[doc] = slot;
            Stamp[doc] = Generation;
            return slot;
        }

        private static T[] Grow<T>(T[] array, int size)
        {
            var grown = new T[size];
            Array.Copy(array, grown, array.Length);
            return grown;
        }
    }
}

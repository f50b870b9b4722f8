namespace Magnesia.Foods;

public sealed partial class FoodSearchIndex
{
    /// <summary>Per-search scratch space, pooled: a generation stamp marks which documents a search has touched.</summary>
    private sealed class Scratch
    {
        public Scratch(int capacity)
        {
            Capacity = capacity;
            Stamp = new int[capacity];
            Touched = new int[capacity];
            Matched = new byte[capacity];
            Classes = new byte[capacity * MaxQueryWords];
            Costs = new float[capacity * MaxQueryWords];
        }

        public int Capacity { get; }
        public int[] Stamp { get; }
        public int[] Touched { get; }
        public byte[] Matched { get; }
        public byte[] Classes { get; }
        public float[] Costs { get; }
        public int Generation { get; private set; }
        public int TouchedCount { get; set; }

        public void NextGeneration()
        {
            Generation++;
            TouchedCount = 0;
        }
    }
}

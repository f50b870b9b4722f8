using System.Text.Json;
using System.Text.Json.Serialization;
using Magnesia.Text;

namespace Magnesia.Data.Contracts;

/// <summary>
/// A JSON input the serializer read but Magnesia refuses: a null inside a list, or text with control characters or
/// bidirectional overrides. The serializer fills <see cref="JsonException.Path"/> with the field; the message says why.
/// </summary>
public sealed class InputRefusedException(string message) : JsonException(message);

/// <summary>
/// The rules every JSON input goes through, the API's requests and the diary documents alike: one convention for
/// every collection (no null items) and every string (<see cref="TextInput.Check"/>, multi-line allowed; one-line
/// fields check their own value). Added to an options' converters by <see cref="AddTo"/>.
/// </summary>
public static class InputJson
{
    /// <summary>Adds the input converters to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new CheckedStringConverter());
        options.Converters.Add(new NoNullItemsConverterFactory());
        options.Converters.Add(new ContractEnumConverterFactory());
        return options;
    }

    /// <summary>The one JSON name of an enum member: kebab-case (<c>NicotinicAcid</c> → <c>nicotinic-acid</c>).</summary>
    public static string EnumName<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Every member's JSON name, comma-separated (<c>breakfast, lunch, dinner, snack</c>): the list a refusal gives.</summary>
    public static string EnumNames<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(EnumName));

    // Every enum in a request is its kebab-case name ("female", "least-cost"); any case is read, a number or an unknown
    // name is refused with the names that are known. Responses write the same names.
    private sealed class ContractEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ContractEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class ContractEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        private static readonly (string Name, TEnum Value)[] Members = [.. Enum.GetValues<TEnum>().Select(v => (EnumName(v), v))];

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString()!.Trim() : null;
            foreach (var (name, value) in Members)
            {
                if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
                    return value;
            }

            throw new InputRefusedException($"must be one of {EnumNames<TEnum>()}");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(EnumName(value));
    }

    private sealed class CheckedStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return TextInput.Check(value, multiline: true) is { } problem
                ? throw new InputRefusedException(TextInput.Describe(problem, "the text"))
                : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    // List<T>, IList<T>, IReadOnlyList<T>, ICollection<T>, IReadOnlyCollection<T>, IEnumerable<T> and T[] of a
    // reference or nullable type: a null item is refused naming its index.
    private sealed class NoNullItemsConverterFactory : JsonConverterFactory
    {
        private static readonly Type[] Shapes =
            [typeof(List<>), typeof(IList<>), typeof(IReadOnlyList<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>), typeof(IEnumerable<>)];

        public override bool CanConvert(Type typeToConvert) => ItemType(typeToConvert) is { } item && (!item.IsValueType || Nullable.GetUnderlyingType(item) is not null);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(NoNullItemsConverter<,>).MakeGenericType(typeToConvert, ItemType(typeToConvert)!))!;

        private static Type? ItemType(Type type)
        {
            if (type.IsArray && type.GetArrayRank() == 1)
                return type.GetElementType();
            return type.IsGenericType && Array.IndexOf(Shapes, type.GetGenericTypeDefinition()) >= 0 ? type.GetGenericArguments()[0] : null;
        }
    }

    private sealed class NoNullItemsConverter<TCollection, TItem> : JsonConverter<TCollection>
        where TCollection : class, IEnumerable<TItem>
    {
        public override TCollection? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
                throw new InputRefusedException("expected a list ([…])");
            var items = new List<TItem>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                    throw new InputRefusedException($"item {items.Count} is null; a list holds no nulls");
                try
                {
                    items.Add(JsonSerializer.Deserialize<TItem>(ref reader, options)!);
                }
                catch (JsonException e)
                {
                    // The item's own reader knows the path inside the item only: say which item, so "entries" + "[3].note" names the field.
                    var inner = e.Path is { Length: > 1 } path ? path[1..] : "";
                    var why = e is InputRefusedException ? e.Message : e.Message.Split(" Path: ")[0].Split(". ")[0].TrimEnd('.');
                    throw new InputRefusedException($"[{items.Count}]{inner}: {why}");
                }
            }

            return (TCollection)(object)(typeof(TCollection).IsArray ? items.ToArray() : items);
        }

        public override void Write(Utf8JsonWriter writer, TCollection value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
                JsonSerializer.Serialize(writer, item, options);
            writer.WriteEndArray();
        }
    }
}

using System.Globalization;

namespace Magnesia.Data.Importers;

/// <summary>
/// Reads an RFC 4180 CSV stream one record at a time without keeping more than one record: fields separated by commas,
/// quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF line ends. Columns are found by header
/// name, so extra or reordered columns are fine. Every problem is a <see cref="DataFormatException"/> naming file, line
/// and field.
/// </summary>
/// <remarks>
/// Hand-written rather than a CSV package: an FDC release is ~10 million rows that must be read at disk speed, and a
/// truncated file (a quote left open at the end, a last record cut short) must be told apart from a short field.
/// </remarks>
internal sealed class CsvRecords : IDisposable
{
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[1 << 16];
    private int _at, _end;
    private char[] _values = new char[1024];
    private int[] _starts = new int[64];
    private int _line = 1;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    /// <summary>Opens a file and reads its header line.</summary>
    public CsvRecords(TextReader reader, string file)
    {
        _reader = reader;
        File = file;
        if (!Read())
            throw new DataFormatException(file, 1, "(header)", "the file is empty");
        Header = [.. Enumerable.Range(0, Count).Select(i => this[i].ToString().Trim().TrimStart('\uFEFF'))];
        for (var i = 0; i < Header.Count; i++)
            _columns.TryAdd(Header[i], i);
    }

    /// <summary>The file name, as errors show it.</summary>
    public string File { get; }

    /// <summary>The header's column names.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The line the current record starts on (1-based; the header is line 1).</summary>
    public int Line { get; private set; }

    /// <summary>Number of fields in the current record.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes read so far is not known for text; characters consumed from the underlying reader.</summary>
    public long CharsRead { get; private set; }

    /// <summary>A field of the current record, unquoted.</summary>
    public ReadOnlySpan<char> this[int index] => _values.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>The index of a column the caller needs; an error naming it when the header lacks it.</summary>
    public int Column(string name) =>
        _columns.TryGetValue(name, out var i) ? i : throw new DataFormatException(File, 1, name, $"missing column '{name}' (the header has: {string.Join(", ", Header)})");

    /// <summary>The index of a column the caller can do without; -1 when absent.</summary>
    public int OptionalColumn(string name) => _columns.GetValueOrDefault(name, -1);

    /// <summary>Reads the next record; false at the end. Records with a different field count than the header are errors.</summary>
    public bool Next()
    {
        if (!Read())
            return false;
        if (Count != Header.Count && !(Count == 1 && _starts[1] == 0))
            throw new DataFormatException(File, Line, "(row)", $"expected {Header.Count} fields as in the header, found {Count}{(AtEnd ? " (the file ends here: truncated?)" : string.Empty)}");
        return Count != 1 || _starts[1] != 0 || Next(); // a blank line is skipped
    }

    private bool AtEnd => _at >= _end && _reader.Peek() < 0;

    /// <summary>A text field, trimmed; null when empty.</summary>
    public string? Text(int column)
    {
        if (column < 0)
            return null;
        var span = this[column].Trim();
        return span.IsEmpty ? null : span.ToString();
    }

    /// <summary>A whole number; <paramref name="name"/> names the field in the error.</summary>
    public int Int(int column, string name)
    {
        var span = this[column].Trim();
        return int.TryParse(span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new DataFormatException(File, Line, name, span.IsEmpty ? "is empty" : $"'{span}' is not a whole number");
    }

    /// <summary>A whole number, or null when empty.</summary>
    public int? OptionalInt(int column, string name) => column < 0 || this[column].Trim().IsEmpty ? null : Int(column, name);

    /// <summary>A finite decimal number, or null when empty.</summary>
    public double? OptionalNumber(int column, string name)
    {
        if (column < 0)
            return null;
        var span = this[column].Trim();
        if (span.IsEmpty)
            return null;
        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new DataFormatException(File, Line, name, $"'{span}' is not a number");
    }

    private bool Read()
    {
        Count = 0;
        var length = 0;
        _starts[0] = 0;
        var quoted = false;
        var wasQuoted = false;
        var any = false;
        Line = _line;
        while (true)
        {
            if (_at >= _end)
            {
                _end = _reader.Read(_buffer, 0, _buffer.Length);
                _at = 0;
                CharsRead += _end;
                if (_end <= 0)
                {
                    _end = 0;
                    if (quoted)
                        throw new DataFormatException(File, Line, Header is null ? "(header)" : FieldName(Count), "a quoted field is not closed: the file ends inside it (truncated?)");
                    if (!any)
                        return false;
                    EndField(length);
                    return true;
                }
            }

            var c = _buffer[_at++];
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (_at >= _end && !Refill())
                    {
                        quoted = false;
                        continue;
                    }

                    if (_buffer[_at] == '"')
                    {
                        _at++;
                        Append(ref length, '"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                        _line++;
                    Append(ref length, c);
                }
            }
            else if (c == '"' && length == _starts[Count] && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else if (c == ',')
            {
                EndField(length);
                wasQuoted = false;
            }
            else if (c == '\n')
            {
                _line++;
                EndField(length);
                return true;
            }
            else if (c != '\r')
            {
                Append(ref length, c);
            }
        }
    }

    private bool Refill()
    {
        _end = _reader.Read(_buffer, 0, _buffer.Length);
        _at = 0;
        if (_end <= 0)
        {
            _end = 0;
            return false;
        }

        CharsRead += _end;
        return true;
    }

    private string FieldName(int index) => index < Header.Count ? Header[index] : $"#{index + 1}";

    private void Append(ref int length, char c)
    {
        if (length == _values.Length)
            Array.Resize(ref _values, _values.Length * 2);
        _values[length++] = c;
    }

    private void EndField(int length)
    {
        Count++;
        if (Count + 1 >= _starts.Length)
            Array.Resize(ref _starts, _starts.Length * 2);
        _starts[Count] = length;
    }

    public void Dispose() => _reader.Dispose();
}

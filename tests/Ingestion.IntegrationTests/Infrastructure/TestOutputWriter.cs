using System.Text;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests.Infrastructure;

/// <summary>A <see cref="TextWriter"/> onto a test's output, line by line (for TestSupport code that reports as it goes).</summary>
public sealed class TestOutputWriter(ITestOutputHelper output) : TextWriter
{
    readonly StringBuilder line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (line)
        {
            if (value == '\n') Flush();
            else if (value != '\r') line.Append(value);
        }
    }

    public override void Flush()
    {
        lock (line)
        {
            if (line.Length == 0) return;
            try { output.WriteLine(line.ToString()); } catch (InvalidOperationException) { } // the test has ended
            line.Clear();
        }
    }
}

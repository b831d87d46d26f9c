using System.Text;
using System.Text.RegularExpressions;
using Dyad.Pipeline;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Dyad.Input;

/// <summary>
/// Extracts a PDF's text in reading order: words, then blocks (Docstrum), then blocks ordered so that columns
/// do not interleave. Lines near the top or bottom edge that are page numbers or repeat on other pages
/// (running headers and footers) are dropped. Lines stay as laid out; text repair joins them.
/// </summary>
public static partial class PdfReader
{
    public static string Read(byte[] bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var blocks = pdf.GetPages().SelectMany(ReadPage).ToList();
            var repeated = blocks.SelectMany(b => b.Lines).Where(l => l.AtEdge).DistinctBy(l => (l.Page, l.Key))
                .CountBy(l => l.Key).Where(c => c.Value > 1).Select(c => c.Key).ToHashSet();
            var text = new StringBuilder();
            foreach (var block in blocks)
            {
                var lines = block.Lines.Where(l => !l.AtEdge || !(repeated.Contains(l.Key) || PageNumber().IsMatch(l.Text))).ToList();
                if (lines.Count == 0) continue;
                // A block that ends mid-sentence goes on in the next column or page.
                if (text.Length > 0) text.Append(EndsSentence(text) ? "\n\n" : "\n");
                text.AppendJoin('\n', lines.Select(l => l.Text));
            }
            return text.ToString();
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DyadException(ErrorCodes.EncryptedPdf, "the PDF is encrypted (needs a password); skipped");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged file can fail anywhere in the parser, with any exception type.
            throw new DyadException(ErrorCodes.DamagedPdf, $"the PDF cannot be read, it may be truncated or damaged ({e.Message})");
        }
    }

    private sealed record Block(IReadOnlyList<Line> Lines);

    private sealed record Line(int Page, string Text, bool AtEdge)
    {
        /// <summary>The text with digits blanked, so "Page 2" and "Page 3" repeat.</summary>
        public string Key { get; } = Digits().Replace(Text, "#");
    }

    private static IEnumerable<Block> ReadPage(Page page)
    {
        // Headers and footers live in the top and bottom tenth of the page, and at least 50 points (0.7 in) from the edge.
        double band = Math.Max(page.Height / 10, 50);
        var words = page.GetWords(NearestNeighbourWordExtractor.Instance);
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        return UnsupervisedReadingOrderDetector.Instance.Get(blocks).Select(b => new Block([.. b.TextLines.Select(l =>
            new Line(page.Number, l.Text, l.BoundingBox.Bottom >= page.Height - band || l.BoundingBox.Top <= band))]));
    }

    private static bool EndsSentence(StringBuilder text) => text[^1] is '.' or '!' or '?' or '"' or '\u201D' or ':';

    [GeneratedRegex(@"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}

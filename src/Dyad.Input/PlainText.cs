using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Dyad.Input;

/// <summary>Plain text from HTML fragments and extracted text: one blank line between paragraphs.</summary>
internal static partial class PlainText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
        "header", "footer", "table", "tr", "figure", "figcaption", "pre", "hr",
    };

    /// <summary>The text of an HTML fragment (a feed item's description or content).</summary>
    public static string FromHtml(string html)
    {
        var body = new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;
        var text = new StringBuilder();
        Append(body, text);
        return Tidy(text.ToString());
    }

    /// <summary>Trims each line, keeps at most one blank line between paragraphs.</summary>
    public static string Tidy(string text) =>
        BlankLines().Replace(SpacesAroundNewlines().Replace(Spaces().Replace(text.Replace('\u00A0', ' '), " "), "\n"), "\n\n").Trim();

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) text.Append(t.Data);
            else if (child is IElement e && e.LocalName is not ("script" or "style"))
            {
                bool block = Blocks.Contains(e.LocalName);
                if (block) text.Append("\n\n");
                Append(e, text);
                if (block) text.Append("\n\n");
            }
        }
    }

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@" ?\n ?")]
    private static partial Regex SpacesAroundNewlines();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}

using System.Globalization;
using ReferralNet.Web.Gateway;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Components.Shared;

/// <summary>
/// What the last submission of a page's form came to, in the reader's words: the page's notice (done, or why not) and,
/// for a refusal, each refused field's words under it and, with a link to it, in the summary above the form
/// (<see cref="ErrorSummary"/>). The words come from the refusal's codes (<c>errorCodes</c>) or the page's own
/// sentence for the field, never from the network's English messages.
/// </summary>
public sealed class FormOutcome
{
    private readonly List<RefusedField> _fields = [];

    public ApiProblem? Problem { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>error or done, as <see cref="Shared.Notice"/> takes it.</summary>
    public string NoticeKind { get; private set; } = "error";

    /// <summary>The refused fields the page showed, in the order it showed them.</summary>
    public IReadOnlyList<RefusedField> Fields => _fields;

    private static Texts T => Texts.For(CultureInfo.CurrentUICulture);

    public void Done(string words) => (Problem, Notice, NoticeKind) = (null, words, "done");

    /// <summary>
    /// A refusal: a 422 is said field by field; any other status in <paramref name="why"/>'s words for it, or else as
    /// busy (429, 503) or as "try again later".
    /// </summary>
    public void Refuse(ApiProblem problem, Func<int, string?>? why = null)
    {
        _fields.Clear();
        Problem = problem;
        NoticeKind = "error";
        Notice = problem.Status == StatusCodes.Status422UnprocessableEntity ? T.FixTheMarkedFields
            : why?.Invoke(problem.Status) ?? (problem.Status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable
                ? T.Busy
                : $"{T.SomethingWentWrong} {T.TryAgainLater}");
    }

    /// <summary>
    /// The words under the field the API names <paramref name="field"/>, shown at the element <paramref name="id"/>
    /// labelled <paramref name="label"/>, or null when it was not refused. <paramref name="words"/>: the page's own
    /// sentences for any refusal of it (what a date must be, the places a town could be).
    /// </summary>
    public IReadOnlyList<string>? For(string field, string id, string label, IReadOnlyList<string>? words = null) =>
        Problem?.CodesFor(field) is { Count: > 0 } codes ? Show(id, label, words ?? WordsFor(codes)) : null;

    /// <summary>
    /// Words the page worked out itself for the element <paramref name="id"/> (an agency typed that names no one
    /// agency, found before asking the network), listed in the summary when there are any.
    /// </summary>
    public IReadOnlyList<string>? Show(string id, string label, IReadOnlyList<string>? words)
    {
        _fields.RemoveAll(f => f.Id == id);
        if (words is not { Count: > 0 })
        {
            return null;
        }
        _fields.Add(new RefusedField(id, label, words));
        return words;
    }

    /// <summary>The reader's words for refusal codes.</summary>
    private static IReadOnlyList<string> WordsFor(IEnumerable<string> codes) => [.. codes.Distinct().Select(code => Texts.Word(T.ErrorWords, code))];

    /// <inheritdoc cref="For(string, string, string, IReadOnlyList{string})"/>
    public IReadOnlyList<string>? For(string field, string id, string label, string words) => For(field, id, label, [words]);
}

/// <summary>A field the page showed refused: where it is, what it is called, and why, in the reader's words.</summary>
public sealed record RefusedField(string Id, string Label, IReadOnlyList<string> Words);

using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Diagnostics;

namespace SiteGen.Render;

/// <summary>The one home of Scriban: a theme's layouts and partials, parsed once per build and rendered in a sandbox that
/// HTML-escapes every value a template writes (except <see cref="Markup"/>), shows templates only the view model and
/// SiteGen's helpers (<c>t</c>, <c>asset</c>, <c>include</c>), and turns a runaway template into a located SG4001 error.</summary>
internal sealed partial class ThemeTemplates
{
    public const string Extension = ".sbn-html";
    private const string PartialsFolder = "partials/";

    // The sandbox's limits: far above what the default theme needs on the largest page (a regions index of every county
    // of China loops ~3,600 times), low enough that a runaway template stops in well under a second, or at the timeout.
    internal const int LoopLimit = 100_000;
    internal const int RecursionLimit = 64;
    internal const int TextLimit = 4 << 20;
    internal const int OutputLimit = 32 << 20;
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private const string SandboxHint = "templates read the values of the view model and loop over its lists (docs/themes.md); anything to compute belongs in SiteGen's view model";

    /// <summary>The view's top-level names (<c>site</c>, <c>page</c>, <c>report</c>, …), read once by reflection.</summary>
    private static readonly (string Name, PropertyInfo Property)[] ViewNames =
        typeof(PageView).GetProperties().Select(p => (StandardMemberRenamer.Default(p), p)).ToArray();

    private readonly Dictionary<string, Template> _layouts;
    private readonly ScriptObject _helpers;
    private readonly ConcurrentBag<SandboxContext> _idle = [];

    private ThemeTemplates(Dictionary<string, Template> layouts, ScriptObject helpers)
    {
        _layouts = layouts;
        _helpers = helpers;
    }

    /// <summary>Parses every layout and partial once; syntax errors, and includes, UI strings or assets named in a template
    /// that do not exist, are reported at their file, line and column.</summary>
    public static ThemeTemplates Compile(ThemeFiles files, IEnumerable<string> layoutNames, IReadOnlyDictionary<string, string> strings,
        IReadOnlyDictionary<string, string> assetHrefs, DiagnosticBag diagnostics)
    {
        var partials = new Dictionary<string, Template>(StringComparer.Ordinal);
        var layouts = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var path in files.Paths.Where(p => p.StartsWith(PartialsFolder, StringComparison.Ordinal) && p.EndsWith(Extension, StringComparison.Ordinal)))
            if (Parse(files, path, diagnostics) is { } partial) partials[path[PartialsFolder.Length..^Extension.Length]] = partial;
        foreach (var name in layoutNames)
            if (files.Exists(LayoutPath(name)) && Parse(files, LayoutPath(name), diagnostics) is { } layout) layouts[name] = layout;

        foreach (var template in partials.Values.Concat(layouts.Values))
        {
            CheckNamedResources(template, partials, strings, assetHrefs, diagnostics);
            FoldConstants(template, strings, assetHrefs);
        }

        var helpers = new ScriptObject();
        helpers.SetValue("t", new TextHelper(strings), readOnly: true);
        helpers.SetValue("asset", new AssetHelper(assetHrefs), readOnly: true);
        helpers.SetValue("include", new IncludeHelper(partials), readOnly: true);
        helpers.IsReadOnly = true; // shared by every rendering thread
        return new ThemeTemplates(layouts, helpers);
    }

    public static string LayoutPath(string name) => $"layouts/{name}{Extension}";

    /// <summary>Renders a layout with the view; a template that fails, loops without end or outgrows the limits becomes a <see cref="SiteGenException"/> at its theme file, line and column.</summary>
    public string Render(string layout, PageView view)
    {
        // Contexts are reused (one per rendering thread at a time): a fresh one per page costs more than most pages' templates.
        if (!_idle.TryTake(out var context)) context = new SandboxContext(_helpers);
        var globals = new ScriptObject(ViewNames.Length);
        foreach (var (name, property) in ViewNames) globals.SetValue(name, property.GetValue(view), readOnly: true);
        context.Begin(globals, view.Report?.BodyHtml.Html.Length ?? 0);
        var template = _layouts[layout];
        var completed = false;
        try
        {
            var html = template.Render(context);
            completed = true;
            return html;
        }
        catch (TemplateProblem problem)
        {
            throw Located(problem.Code, problem.Span, problem.Explanation, problem.Hint);
        }
        catch (ScriptRuntimeException ex)
        {
            var (message, hint) = Explain(ex);
            throw Located(DiagnosticCodes.ThemeTemplate, ex.Span, message, hint);
        }
        catch (Exception ex) when (ex is not (SiteGenException or OutOfMemoryException))
        {
            // Not a mistake Scriban located: still the template's failure, reported at its layout rather than as a crash.
            throw new SiteGenException(DiagnosticCodes.ThemeTemplate, $"the template failed: {ex.Message}",
                "check the template against the view model and the helpers documented in docs/themes.md", template.SourceFilePath);
        }
        finally
        {
            // A context is reused only after a page that completed: a failure may leave Scriban's state half unwound.
            if (context.End() && completed) _idle.Add(context);
        }
    }

    private static SiteGenException Located(string code, SourceSpan span, string message, string hint) =>
        new(code, message, hint, span.FileName, span.Start.Line + 1, span.Start.Column + 1);

    private static Template? Parse(ThemeFiles files, string path, DiagnosticBag diagnostics)
    {
        var source = files.Text(path);
        var template = Template.Parse(source, files.Origins[path]);
        if (!template.HasErrors) return template;
        // The first error is the one to fix: Scriban's later ones mostly follow from it.
        var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
        var (line, column) = (first.Span.Start.Line + 1, first.Span.Start.Column + 1);
        var text = $"template syntax error: {SyntaxMessage(first.Message)}";
        // Scriban reports an unclosed `{{` or block where it gave up (often the end of the file); the editor needs the line that opened it.
        if (UnclosedCode(source) is { } code)
            (line, column, text) = (code.Line, code.Column, "template syntax error: this `{{` has no `}}`");
        else if (first.Message.Contains("<end> statement was not found", StringComparison.Ordinal) && UnclosedBlock(source) is { } open)
            (line, column, text) = (open.Line, open.Column, $"template syntax error: this `{open.Keyword}` has no `end`");
        diagnostics.Error(DiagnosticCodes.ThemeTemplate, files.Origins[path], line, column, text,
            "every `if`, `for`, `while`, `capture` and `func` needs its `end`, and every `{{` its `}}`; docs/themes.md shows the syntax");
        return null;
    }

    /// <summary>The first <c>{{</c> whose <c>}}</c> does not come before the next <c>{{</c>, or null.</summary>
    private static (int Line, int Column)? UnclosedCode(string source)
    {
        for (var open = source.IndexOf("{{", StringComparison.Ordinal); open >= 0;)
        {
            var close = source.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var next = source.IndexOf("{{", open + 2, StringComparison.Ordinal);
            if (close < 0 || (next >= 0 && next < close)) return Position(source, open);
            open = next;
        }
        return null;
    }

    /// <summary>The last block opened at the start of a code section (<c>{{ if …</c>) that no <c>{{ end }}</c> closes, or null.</summary>
    private static (int Line, int Column, string Keyword)? UnclosedBlock(string source)
    {
        var open = new Stack<Match>();
        foreach (Match m in BlockKeyword().Matches(source))
        {
            if (m.Groups[1].Value != "end") open.Push(m);
            else if (open.Count > 0) open.Pop();
        }
        if (open.Count == 0) return null;
        var (line, column) = Position(source, open.Peek().Groups[1].Index);
        return (line, column, open.Peek().Groups[1].Value);
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return (1 + text.AsSpan(0, index).Count('\n'), index - lineStart + 1);
    }

    [GeneratedRegex(@"\{\{[~-]?\s*(if|for|while|capture|func|case|with|wrap|tablerow|end)\b")]
    private static partial Regex BlockKeyword();

    /// <summary>Scriban's parser messages, cut of their grammar summaries (" in: if <expression> ... end|else").</summary>
    private static string SyntaxMessage(string message)
    {
        var grammar = message.LastIndexOf(" in: ", StringComparison.Ordinal);
        return grammar > 0 ? message[..grammar] : message;
    }

    /// <summary>Checks the literal names a template passes to <c>include</c>, <c>t</c> and <c>asset</c> before anything renders.</summary>
    private static void CheckNamedResources(Template template, Dictionary<string, Template> partials, IReadOnlyDictionary<string, string> strings,
        IReadOnlyDictionary<string, string> assetHrefs, DiagnosticBag diagnostics)
    {
        var pending = new Stack<ScriptNode>([template.Page!]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            foreach (var child in node.Children) if (child is not null) pending.Push(child);
            if (node is not ScriptFunctionCall { Target: ScriptVariable helper, Arguments: [ScriptLiteral { Value: string name }, ..] } call) continue;
            var problem = helper.Name switch
            {
                "include" => IncludeHelper.Problem(name, partials),
                "t" => TextHelper.Problem(name, strings),
                "asset" => AssetHelper.Problem(name, assetHrefs),
                _ => null,
            };
            if (problem is not null)
                diagnostics.Error(DiagnosticCodes.ThemeMissing, call.Span.FileName, call.Span.Start.Line + 1, call.Span.Start.Column + 1, problem.Value.Message, problem.Value.Hint);
        }
    }

    /// <summary>Writes <c>{{ t 'key' }}</c> and <c>{{ asset 'name' }}</c> into the template's text, escaped, and joins the text
    /// around them: both are fixed for the build, and text costs the interpreter nothing per page while a call costs a
    /// function call (a page makes dozens of them).</summary>
    private static void FoldConstants(Template template, IReadOnlyDictionary<string, string> strings, IReadOnlyDictionary<string, string> assetHrefs)
    {
        var pending = new Stack<ScriptNode>([template.Page!]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            foreach (var child in node.Children) if (child is not null) pending.Push(child);
            if (node is not ScriptBlockStatement block) continue;
            var statements = new List<ScriptStatement>();
            var text = new System.Text.StringBuilder();
            foreach (var statement in block.Statements)
            {
                if (Constant(statement, strings, assetHrefs) is { } constant) { text.Append(constant); continue; }
                if (statement is ScriptRawStatement { IsEscape: false } raw) { text.Append(raw.Text.ToString()); continue; }
                if (text.Length > 0) statements.Add(Raw(text));
                statements.Add(statement);
            }
            if (text.Length > 0) statements.Add(Raw(text));
            block.Statements.Clear(); // detaches the statements, so they can be added again
            foreach (var statement in statements) block.Statements.Add(statement);
        }
    }

    private static string? Constant(ScriptStatement statement, IReadOnlyDictionary<string, string> strings, IReadOnlyDictionary<string, string> assetHrefs)
    {
        if (statement is not ScriptExpressionStatement { Expression: ScriptFunctionCall { Target: ScriptVariable helper, Arguments: [ScriptLiteral { Value: string name }] } })
            return null;
        var value = helper.Name switch
        {
            "t" => strings.GetValueOrDefault(name),
            "asset" => assetHrefs.GetValueOrDefault(name),
            _ => null,
        };
        return value is null ? null : HtmlText.Escape(value);
    }

    private static ScriptRawStatement Raw(System.Text.StringBuilder text)
    {
        var raw = new ScriptRawStatement { Text = new ScriptStringSlice(text.ToString()) };
        text.Clear();
        return raw;
    }

    /// <summary>Says in SiteGen's words what stopped a template; Scriban's own message is kept only where it names the template's mistake.</summary>
    private static (string Message, string Hint) Explain(ScriptRuntimeException ex)
    {
        var original = ex.OriginalMessage ?? ex.Message;
        if (ex is ScriptAbortException)
            return ($"the template ran for more than {Timeout.TotalSeconds:0} s on one page and was stopped (a loop or recursion without end?)", SandboxHint);
        if (original.Contains("iteration limit", StringComparison.Ordinal) || original.Contains("exceeds LoopLimit", StringComparison.Ordinal))
            return ($"the template loops more than {LoopLimit:N0} times on one page and was stopped (a loop without end?)", SandboxHint);
        if (original.Contains("recursive depth limit", StringComparison.Ordinal))
            return ($"the template calls itself more than {RecursionLimit} levels deep and was stopped (a function or partial that includes itself without end?)", SandboxHint);
        if (original.Contains("LimitToString", StringComparison.Ordinal) || original.Contains("OutputLimit", StringComparison.Ordinal) || original.Contains("output limit", StringComparison.OrdinalIgnoreCase))
            return ($"the template makes a text longer than SiteGen allows ({TextLimit:N0} characters for one value, {OutputLimit:N0} for a page besides the report body) and was stopped", SandboxHint);
        if (UnknownName().Match(original) is { Success: true } unknown)
            return ($"`{unknown.Groups[1].Value}` is not a value or helper templates can use",
                $"templates see {string.Join(", ", ViewNames.Select(v => v.Name))} and the helpers t, asset and include (docs/themes.md); names are in snake_case");
        if (NullTarget().Match(original) is { Success: true } empty)
            return ($"`{empty.Groups[2].Value}` cannot be read: `{empty.Groups[1].Value}` is empty (null) on this page",
                $"test it first, as in {{{{ if {empty.Groups[1].Value} }}}}…{{{{ end }}}}");
        if (NoMember().Match(original) is { Success: true } member)
            return ($"`{member.Groups[1].Value}` cannot be read here: texts, numbers and lists have no values of their own to templates",
                "templates read the values of the view model's objects (docs/themes.md); a list's items are read in a for loop");
        return ($"the template failed: {original}", "check the template against the view model and the helpers documented in docs/themes.md");
    }

    [GeneratedRegex(@"The variable or function `([^`]+)` was not found")]
    private static partial Regex UnknownName();

    [GeneratedRegex(@"Object `([^`]+)` is null\. Cannot access member: (\S+)")]
    private static partial Regex NullTarget();

    [GeneratedRegex(@"Cannot get member with name (\S+?)\.?$")]
    private static partial Regex NoMember();

    /// <summary>A mistake SiteGen's helpers found while rendering, with SiteGen's code, message and hint.</summary>
    private sealed class TemplateProblem(string code, SourceSpan span, string explanation, string hint)
        : ScriptRuntimeException(span, explanation)
    {
        public string Code { get; } = code;
        public string Explanation { get; } = explanation;
        public string Hint { get; } = hint;
    }

    /// <summary>A Scriban context that renders one page at a time: escapes what templates write, reads truth as Liquid does, and applies the sandbox's limits.</summary>
    private sealed class SandboxContext : TemplateContext
    {
        private readonly CancellationTokenSource _timeout = new();
        private readonly Timer _clock;
        private long _started;
        private TimeSpan _pausedBefore;

        public SandboxContext(ScriptObject helpers) : base(helpers, StringComparer.Ordinal)
        {
            _clock = new Timer(_ => Check());
            StrictVariables = true;
            EnableRelaxedMemberAccess = false;
            AutoIndent = false; // output is written as the templates lay it out; tracking lines for re-indenting costs a scan of every write
            LoopLimit = ThemeTemplates.LoopLimit;
            RecursiveLimit = RecursionLimit;
            LimitToString = TextLimit;
            // Scriban would cut the text short and go on; a page silently cut short must never be published.
            OnStringLimit = ScriptLimitBehavior.Throw;
            OnOutputLimit = ScriptLimitBehavior.Throw;
            CancellationToken = _timeout.Token;
            // Members of other .NET types are not reachable: only the view model's records have members (ViewAccessor).
            MemberFilter = static _ => false;
            TryGetMember = MissingKeyOfExtra;
        }

        protected override IObjectAccessor GetMemberAccessorImpl(object target) =>
            ViewAccessor.For(target.GetType()) ?? base.GetMemberAccessorImpl(target)!;

        /// <summary>Starts a page: its view becomes the templates' top-level names, the output limit makes room for the report body (content, not template output), and the timeout starts.</summary>
        public void Begin(ScriptObject view, int bodyLength)
        {
            PushGlobal(view);
            OutputLimit = ThemeTemplates.OutputLimit + bodyLength;
            _started = Stopwatch.GetTimestamp();
            _pausedBefore = GC.GetTotalPauseDuration();
            _clock.Change(Timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }

        /// <summary>Stops the page once it has run for <see cref="Timeout"/>, not counting garbage collections: they stop every
        /// thread, and a build of 100,000 reports can spend seconds in one, which is no fault of the template.</summary>
        private void Check()
        {
            lock (_clock)
            {
                if (_started == 0) return;
                var ran = Stopwatch.GetElapsedTime(_started) - (GC.GetTotalPauseDuration() - _pausedBefore);
                if (ran >= Timeout) _timeout.Cancel();
                else _clock.Change(Timeout - ran, System.Threading.Timeout.InfiniteTimeSpan);
            }
        }

        /// <summary>Ends a page; false when the context cannot be reused (its timeout fired).</summary>
        public bool End()
        {
            Reset();
            lock (_clock)
            {
                _started = 0;
                _clock.Change(System.Threading.Timeout.InfiniteTimeSpan, System.Threading.Timeout.InfiniteTimeSpan);
            }
            if (!_timeout.IsCancellationRequested) return true;
            _clock.Dispose();
            return false;
        }

        /// <summary>Fields of <c>extra</c> (front matter and site.yml) are optional: a missing one is empty rather than an error.</summary>
        private static bool MissingKeyOfExtra(TemplateContext context, SourceSpan span, object target, string member, out object value)
        {
            value = null!;
            return target is IDictionary;
        }

        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject is Markup markup) return Write(markup.Html);
            var text = textAsObject as string ?? ObjectToString(textAsObject, false);
            if (string.IsNullOrEmpty(text)) return this;
            // Written in runs between the characters that need an entity, so text without them costs one write.
            var start = 0;
            while (start < text.Length)
            {
                var next = text.AsSpan(start).IndexOfAny(HtmlText.Escaped);
                if (next < 0) break;
                if (next > 0) Write(text, start, next);
                Write(HtmlText.Entity(text[start + next]));
                start += next + 1;
            }
            return start < text.Length ? Write(text, start, text.Length - start) : this;
        }

        /// <summary>Helpers take their arguments as they are: no conversion (Scriban's probes the types of every argument).</summary>
        public override object? ToObject(SourceSpan span, object? value, Type destinationType) =>
            destinationType == typeof(object) ? value : base.ToObject(span, value, destinationType);

        /// <summary>An empty text and an empty list are false, as themes expect (and as the former theme engine had it); Scriban alone would count them true.</summary>
        public override bool ToBool(SourceSpan span, object? value) => value switch
        {
            null => false,
            bool b => b,
            string s => s.Length > 0,
            ICollection c => c.Count > 0,
            _ => base.ToBool(span, value),
        };
    }

    /// <summary>HTML escaping of text and attribute values: the characters replaced are those the theme engine replaced before.</summary>
    private static class HtmlText
    {
        public static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'`=");

        public static string Entity(char c) => c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#x27;",
            '`' => "&#x60;",
            _ => "&#x3D;",
        };

        public static string Escape(string text)
        {
            if (text.AsSpan().IndexOfAny(Escaped) < 0) return text;
            var escaped = new System.Text.StringBuilder(text.Length + 16);
            foreach (var c in text) if (Escaped.Contains(c)) escaped.Append(Entity(c)); else escaped.Append(c);
            return escaped.ToString();
        }
    }

    /// <summary>The members of a view-model record (snake_case name → compiled getter), built once per type and shared by every context.</summary>
    private sealed class ViewAccessor : IObjectAccessor
    {
        /// <summary>Every type of the view model: SiteGen's types reachable from <see cref="PageView"/> through properties, lists and nullables.</summary>
        private static readonly HashSet<Type> Types = ViewTypes();
        /// <summary>Made on first use, like each one's getters: a one-report rebuild renders a handful of pages, and compiling a getter for
        /// every member of every view type up front cost it 45 ms.</summary>
        private static readonly ConcurrentDictionary<Type, ViewAccessor> Accessors = new();
        private static readonly MethodInfo TypedGetter = typeof(ViewAccessor).GetMethod(nameof(Getter), BindingFlags.NonPublic | BindingFlags.Static)!;
        private readonly Dictionary<string, PropertyInfo> _properties;
        private readonly ConcurrentDictionary<string, Func<object, object?>> _getters = new(StringComparer.Ordinal);

        private ViewAccessor(Type type) =>
            _properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(p => StandardMemberRenamer.Default(p), StringComparer.Ordinal);

        /// <summary>The accessor of a view-model type, or null for any other type.</summary>
        public static ViewAccessor? For(Type type) => Types.Contains(type) ? Accessors.GetOrAdd(type, static t => new ViewAccessor(t)) : null;

        /// <summary>A getter made from the property's own get method, no expression compiled; a member of a struct (the view model has
        /// none today) is read through reflection, since a struct's get method cannot be bound to a boxed target.</summary>
        private static Func<object, object?> GetterOf(PropertyInfo property) =>
            property.DeclaringType!.IsValueType
                ? property.GetValue
                : (Func<object, object?>)TypedGetter.MakeGenericMethod(property.DeclaringType, property.PropertyType).Invoke(null, [property.GetMethod!])!;

        private static Func<object, object?> Getter<TTarget, TValue>(MethodInfo get)
        {
            var typed = get.CreateDelegate<Func<TTarget, TValue>>();
            return target => typed((TTarget)target);
        }

        private static HashSet<Type> ViewTypes()
        {
            var found = new HashSet<Type>();
            var pending = new Stack<Type>([typeof(PageView)]);
            while (pending.TryPop(out var type))
            {
                if (type.IsGenericType) { foreach (var argument in type.GetGenericArguments()) pending.Push(argument); continue; }
                if (type.Assembly != typeof(PageView).Assembly || !found.Add(type)) continue;
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)) pending.Push(property.PropertyType);
            }
            return found;
        }

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => _properties.Count;
        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => _properties.Keys;
        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => _properties.ContainsKey(member);

        public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            if (!_getters.TryGetValue(member, out var get))
            {
                if (!_properties.TryGetValue(member, out var property))
                    throw new TemplateProblem(DiagnosticCodes.ThemeTemplate, span, $"`{member}` is not a value of this object; it has {string.Join(", ", _properties.Keys)}",
                        "names are in snake_case; docs/themes.md lists every value of the view model");
                get = _getters.GetOrAdd(member, GetterOf(property));
            }
            value = get(target);
            return true;
        }

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => false;
        public bool HasIndexer => false;
        public Type? IndexType => null;
        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) { value = null; return false; }
        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => false;
    }

    /// <summary>The base of SiteGen's helpers: a function that takes its arguments as written.</summary>
    private abstract class Helper : IScriptCustomFunction
    {
        private static readonly ScriptParameterInfo NameParameter = new(typeof(object), "name");
        private static readonly ScriptParameterInfo ValueParameter = new(typeof(object), "value");

        // One declared parameter followed by any number of values: Scriban then neither pads the arguments nor looks up more parameters.
        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => index == 0 ? NameParameter : ValueParameter;

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            // Scriban passes the call node whenever a template calls a function.
            ArgumentNullException.ThrowIfNull(callerContext);
            var name = arguments.Count > 0 ? arguments[0] as string : null;
            if (name is null)
                throw new TemplateProblem(DiagnosticCodes.ThemeTemplate, callerContext.Span, "this helper needs a name in quotes as its first argument",
                    "write it as in {{ t 'search' }}, {{ asset 'site.css' }} or {{ include 'footer' }}");
            return Call(context, callerContext, name, arguments);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

        protected abstract object? Call(TemplateContext context, ScriptNode caller, string name, ScriptArray arguments);

        protected static TemplateProblem Missing(ScriptNode caller, (string Message, string Hint) problem) =>
            new(DiagnosticCodes.ThemeMissing, caller.Span, problem.Message, problem.Hint);
    }

    /// <summary><c>t 'key' arg…</c>: the UI string of the site's language, with <c>{0}</c>, <c>{1}</c>… replaced by the arguments.</summary>
    private sealed class TextHelper(IReadOnlyDictionary<string, string> strings) : Helper
    {
        public static (string Message, string Hint)? Problem(string key, IReadOnlyDictionary<string, string> strings) =>
            strings.ContainsKey(key) ? null : ($"there is no UI string `{key}` in the theme's i18n files", $"add `{key}: \"…\"` to i18n/zh-CN.yml and i18n/en.yml, or correct the key");

        protected override object Call(TemplateContext context, ScriptNode caller, string key, ScriptArray arguments)
        {
            if (!strings.TryGetValue(key, out var text)) throw Missing(caller, Problem(key, strings)!.Value);
            for (var i = 1; i < arguments.Count; i++)
                text = text.Replace("{" + (i - 1).ToString(CultureInfo.InvariantCulture) + "}", context.ObjectToString(arguments[i], false), StringComparison.Ordinal);
            return text;
        }
    }

    /// <summary><c>asset 'site.css'</c>: the content-hashed URL of a file of the theme's <c>static/</c> folder.</summary>
    private sealed class AssetHelper(IReadOnlyDictionary<string, string> hrefs) : Helper
    {
        public static (string Message, string Hint)? Problem(string name, IReadOnlyDictionary<string, string> hrefs) =>
            hrefs.ContainsKey(name) ? null : ($"there is no file static/{name} in the theme", "add the file under the theme's static/ folder, or correct the name");

        protected override object Call(TemplateContext context, ScriptNode caller, string name, ScriptArray arguments) =>
            hrefs.TryGetValue(name, out var href) ? href : throw Missing(caller, Problem(name, hrefs)!.Value);
    }

    /// <summary><c>include 'name' arg…</c>: renders <c>partials/name.sbn-html</c> in place (its output is markup, not escaped again);
    /// the arguments are <c>$1</c>, <c>$2</c>… inside it. Only files of <c>partials/</c> can be included.</summary>
    private sealed partial class IncludeHelper(Dictionary<string, Template> partials) : Helper
    {
        public static (string Message, string Hint)? Problem(string name, Dictionary<string, Template> partials)
        {
            if (!PartialName().IsMatch(name))
                return ($"`{name}` is not a partial name: include reaches only the theme's partials/ folder",
                    "name a partial by its file name without folder or extension, as in {{ include 'report-list' }} for partials/report-list" + Extension);
            return partials.ContainsKey(name) ? null
                : ($"partial `{name}` does not exist: there is no partials/{name}{Extension} in the theme", $"create partials/{name}{Extension} in the theme, or correct the name");
        }

        protected override object? Call(TemplateContext context, ScriptNode caller, string name, ScriptArray arguments)
        {
            if (!partials.TryGetValue(name, out var partial)) throw Missing(caller, Problem(name, partials)!.Value);
            // The arguments are $1… in a local scope of their own, so an inclusion inside the partial does not replace them.
            var withArguments = arguments.Count > 1;
            if (withArguments)
            {
                context.PushLocal();
                context.SetValue(ScriptVariable.Arguments, arguments, true); // $1 is arguments[1]: the name is $0
            }
            context.EnterRecursive(caller);
            try
            {
                // Evaluated into the caller's output: nothing comes back to be escaped.
                context.Evaluate(partial.Page!);
            }
            finally
            {
                context.ExitRecursive(caller);
                if (withArguments) context.PopLocal();
            }
            return null;
        }

        [GeneratedRegex(@"^[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-]+)*$")]
        private static partial Regex PartialName();
    }
}

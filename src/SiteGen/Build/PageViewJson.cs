using System.Text.Json.Serialization;
using SiteGen.Render;

namespace SiteGen.Build;

/// <summary>Source-generated JSON for page fingerprints (and the site settings they include): it writes a view without the reflection serializer's per-object bookkeeping (most of a no-change rebuild's time).</summary>
/// <remarks>The plain types front matter and site.yml extras hold (see YamlDocument.ToPlain) are listed so <c>object</c> values serialize by their runtime type.</remarks>
// Serialization only: the writers are generated code, precompiled with SiteGen; the metadata mode's per-property descriptions are
// generic over each property's type, which for value types the runtime compiles when first used (350 methods of a one-report rebuild).
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(PageView))]
[JsonSerializable(typeof(SiteGen.Load.SiteConfig))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(List<object?>))]
[JsonSerializable(typeof(SortedDictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
internal sealed partial class PageViewJson : JsonSerializerContext;

namespace Workflow.Infrastructure.Catalogues;

public sealed class CatalogueOptions
{
    public const string Section = "Catalogues";

    /// <summary>The folder of <c>*.catalogue.json</c> files (one per programme period); relative paths are taken from the app's base directory.</summary>
    public string Path { get; set; } = "catalogues";

    public string ResolvePath() => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}

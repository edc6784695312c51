namespace Workflow.Api.Tests.Browser;

/// <summary>Folders found by walking up from the test assembly's output (bin/Debug/net10.0/…).</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Workflow.sln.</summary>
    public static string Root { get; } = Above("Workflow.sln");

    /// <summary>The folder holding Workflow.Api.Tests.csproj (and package.json, node_modules/).</summary>
    public static string TestProject { get; } = Above("Workflow.Api.Tests.csproj");

    private static string Above(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, file)))
                return directory.FullName;
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds {file}.");
    }
}

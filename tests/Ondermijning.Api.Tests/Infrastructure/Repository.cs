namespace Ondermijning.Api.Tests.Infrastructure;

public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ondermijning.sln"))) return dir.FullName;
        throw new InvalidOperationException("Ondermijning.sln not found above the test folder.");
    }
}

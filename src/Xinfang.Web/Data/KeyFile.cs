using System.Text;

namespace Xinfang.Web.Data;

/// <summary>
/// A secret kept in a file beside the database, never in it: the identifier hash key and the identifier encryption keys.
/// Created on first start with mode 0600 from the first byte (not chmod-ed afterwards), and with CreateNew, so that
/// two servers starting together cannot each write a different secret.
/// </summary>
public static class KeyFile
{
    public static string ReadOrCreate(string path, Func<string> create)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var content = create();
            try
            {
                using var stream = new FileStream(path, OwnerOnly(FileMode.CreateNew, FileAccess.Write));
                stream.Write(Encoding.ASCII.GetBytes(content));
                return content;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        return File.ReadAllText(path).Trim();
    }

    /// <summary>Options that create a file readable and writable by its owner only (0600) where the system has modes.</summary>
    public static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}

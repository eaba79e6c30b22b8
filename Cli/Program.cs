Console.WriteLine("Cli: not yet implemented");

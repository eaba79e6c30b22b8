Console.WriteLine("AppHost: not yet implemented");

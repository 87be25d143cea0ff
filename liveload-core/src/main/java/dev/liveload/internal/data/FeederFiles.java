package dev.liveload.internal.data;

import dev.liveload.InvalidOptionException;
import dev.liveload.data.Feeder;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** Checks feeder files before a run: present, readable, a header (or first object) and a first data row. */
public final class FeederFiles {
  private FeederFiles() {}

  /**
   * @param name   the feeder's name, for messages
   * @param feeder a CSV or JSON feeder
   * @return its columns
   * @throws InvalidOptionException saying what is wrong with the file
   */
  public static List<String> columns(String name, Feeder feeder) {
    String option = "feeder " + name;
    if (!Files.isRegularFile(feeder.file())) {
      throw new InvalidOptionException(option, feeder.file(), Files.exists(feeder.file())
          ? "is not a regular file" : "the file does not exist");
    }
    try (RowFile file = RowFile.open(feeder)) {
      Row first = file.next();
      if (first == null) {
        throw new InvalidOptionException(option, feeder.file(), "has a header but no data rows");
      }
      return file.columns();
    } catch (FeederException e) {
      throw new InvalidOptionException(option, feeder.file(), e.getMessage());
    } catch (NoSuchFileException e) {
      throw new InvalidOptionException(option, feeder.file(), "the file does not exist");
    } catch (AccessDeniedException e) {
      throw new InvalidOptionException(option, feeder.file(), "the file is not readable");
    } catch (IOException e) {
      throw new InvalidOptionException(option, feeder.file(), "could not be read: " + e);
    }
  }
}

package org.ecgdigitizer.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration, carried to the executors: it holds what the job was given
 * ({@code --conf spark.hadoop.fs.s3a....}, credentials providers, endpoints), which a fresh
 * {@code new Configuration()} on an executor would not. Hadoop's Configuration is Writable, not
 * Serializable, so it travels as the bytes it writes.
 */
final class HadoopConf implements Serializable {

	private static final long serialVersionUID = 1L;

	private final byte[] bytes;
	private transient Configuration conf;

	HadoopConf(Configuration conf) {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(buffer)) {
			conf.write(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.bytes = buffer.toByteArray();
		this.conf = conf;
	}

	Configuration get() {
		if (conf == null) {
			Configuration c = new Configuration(false);
			try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
				c.readFields(in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			conf = c;
		}
		return conf;
	}
}

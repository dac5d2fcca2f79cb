import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../../config/env.validation';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { prepareUploadDirectory } from './upload-files';

/**
 * Uploads stream to a temporary file (never whole into memory) and stop at IMPORT_MAX_BYTES
 * with 413; the pipeline then streams the file and deletes it when done (and a refused request
 * deletes it at once: DeleteUploadsOnError).
 */
@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const destination = prepareUploadDirectory();
        return {
          storage: diskStorage({ destination }),
          limits: { fileSize: config.importMaxBytes, files: 8, fields: 10, parts: 20 },
        };
      },
    }),
  ],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}

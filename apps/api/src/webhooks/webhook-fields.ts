import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  MaxLength,
} from 'class-validator';
import { WEBHOOK_URL_MAX } from '@keyledger/domain/webhooks';
import { Present } from '../routing-preferences/routing-fields';
import { ALL_EVENT_TYPES, KNOWN_EVENT_TYPES } from './event-type-selection';

const SELECTABLE = [...KNOWN_EVENT_TYPES, ALL_EVENT_TYPES];

const property = (required: boolean, options: Parameters<typeof ApiProperty>[0]) =>
  required ? ApiProperty(options) : ApiPropertyOptional(options);

/** The endpoint: a string here; the domain checks it is an https URL (http for localhost only). */
export const UrlField = ({ required }: { readonly required: boolean }): PropertyDecorator =>
  applyDecorators(
    property(required, {
      format: 'uri',
      maxLength: WEBHOOK_URL_MAX,
      example: 'https://hooks.example.com/keyledger',
      description: 'https, or http for localhost only; no credentials, no fragment.',
    }),
    ...(required ? [] : [Present()]),
    IsString(),
    MaxLength(WEBHOOK_URL_MAX),
  );

/** The event types to announce: known public names, or `*` for all of them. */
export const EventTypesField = ({ required }: { readonly required: boolean }): PropertyDecorator =>
  applyDecorators(
    property(required, {
      type: [String],
      enum: SELECTABLE,
      example: ['key.created', 'key.disabled', 'key.revoked'],
      description: '`*` stands for every event type known today (the expanded list is stored).',
    }),
    ...(required ? [] : [Present()]),
    IsArray(),
    ArrayNotEmpty(),
    ArrayUnique(),
    ArrayMaxSize(SELECTABLE.length),
    IsIn(SELECTABLE, { each: true }),
  );
